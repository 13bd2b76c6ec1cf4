using MessagePack;
using MessagePack.Resolvers;
using Orleans.Storage;

namespace Coordination.Silo.Storage;

/// <summary>
/// Grain state as MessagePack: compact, and written without .NET type names, so renaming a state type or
/// its namespace does not orphan stored state. Types with <c>[MessagePackObject]</c> or <c>[DataContract]</c>
/// keep their explicit keys; other types are written as maps keyed by member name.
/// </summary>
public sealed class MessagePackGrainStorageSerializer : IGrainStorageSerializer
{
    public static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard
        .WithResolver(CompositeResolver.Create(
            NativeDateTimeResolver.Instance,
            StandardResolverAllowPrivate.Instance,
            ContractlessStandardResolverAllowPrivate.Instance))
        .WithSecurity(MessagePackSecurity.UntrustedData);

    public BinaryData Serialize<T>(T? input) => new(MessagePackSerializer.Serialize(input, Options));

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return MessagePackSerializer.Deserialize<T>(input.ToMemory(), Options);
    }
}
