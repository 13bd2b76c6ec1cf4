namespace Coordination.Placement.Engine;

/// <summary>An amount of the three scheduled resources (requests of a replica or allocatable of a node).</summary>
/// <param name="GpuMemoryMiB">GPU memory in MiB (unified memory on Jetson modules).</param>
/// <param name="CpuMillicores">CPU in millicores (1000 = one core).</param>
/// <param name="MemoryMiB">System memory in MiB.</param>
public readonly record struct Resources(long GpuMemoryMiB, long CpuMillicores, long MemoryMiB);
