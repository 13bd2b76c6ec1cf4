namespace Coordination.Hosting;

/// <summary>Names of the grain storage providers the grains use; the host binds them to Memory or Redis.</summary>
public static class CoordinationStorage
{
    /// <summary>The one grain state store of the product.</summary>
    public const string Name = "coordination";
}
