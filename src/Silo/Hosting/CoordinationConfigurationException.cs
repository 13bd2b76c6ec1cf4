namespace Coordination.Silo.Hosting;

/// <summary>One or more bad settings; the message names each setting and what is wrong with it.</summary>
public sealed class CoordinationConfigurationException(IReadOnlyList<string> problems)
    : Exception("invalid configuration: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
