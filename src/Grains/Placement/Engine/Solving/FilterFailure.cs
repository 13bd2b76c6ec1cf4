namespace Coordination.Placement.Engine;

/// <summary>The filters a node applies to a replica, in the order they are checked (the first failure is reported).</summary>
internal enum FilterFailure : byte
{
    None = 0,
    NotReady,
    Unschedulable,
    NodeSelector,
    Taint,
    Temperature,
    AntiAffinity,
    GpuMemory,
    Cpu,
    Memory,
}
