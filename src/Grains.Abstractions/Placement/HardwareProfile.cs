namespace Coordination.Placement;

/// <summary>A Jetson module of the hardware profile catalog (defaults; real nodes report their own memory and power).</summary>
/// <param name="Id">Profile id, e.g. <c>orin-nx-16gb</c>.</param>
/// <param name="Module">Module name, e.g. <c>Jetson Orin NX 16GB</c>.</param>
/// <param name="Tier">One of <see cref="NodeTier"/>.</param>
/// <param name="CudaCores">GPU CUDA cores.</param>
/// <param name="TensorCores">GPU tensor cores.</param>
/// <param name="Tops">AI performance in INT8 TOPS (the Nano's FP16 TFLOPS figure for the Nano).</param>
/// <param name="CpuCores">CPU cores.</param>
/// <param name="CpuModel">CPU core type.</param>
/// <param name="MemoryMiB">Memory in MiB.</param>
/// <param name="PowerModesWatts">Power modes (budgets) in watts, ascending.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.HardwareProfile")]
public sealed record HardwareProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Module,
    [property: Id(2)] string Tier,
    [property: Id(3)] int CudaCores,
    [property: Id(4)] int TensorCores,
    [property: Id(5)] double Tops,
    [property: Id(6)] int CpuCores,
    [property: Id(7)] string CpuModel,
    [property: Id(8)] long MemoryMiB,
    [property: Id(9)] IReadOnlyList<double> PowerModesWatts)
{
    /// <summary>The highest power mode: the default power budget.</summary>
    public double MaxPowerWatts => PowerModesWatts.Count == 0 ? 0 : PowerModesWatts[^1];
}
