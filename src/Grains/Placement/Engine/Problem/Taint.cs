namespace Coordination.Placement.Engine;

/// <summary>A node taint (<c>key=value:effect</c>).</summary>
public sealed record Taint(string Key, string Value = "", TaintEffect Effect = TaintEffect.NoSchedule)
{
    /// <inheritdoc />
    public override string ToString() => Value.Length == 0 ? $"{Key}:{Effect}" : $"{Key}={Value}:{Effect}";
}
