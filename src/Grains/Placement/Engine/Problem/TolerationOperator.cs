namespace Coordination.Placement.Engine;

/// <summary>How a toleration matches a taint.</summary>
public enum TolerationOperator
{
    /// <summary>Key and value must both be equal.</summary>
    Equal,

    /// <summary>The key must be equal (an empty key matches every taint); the value is ignored.</summary>
    Exists,
}
