namespace Coordination.Placement;

/// <summary>One tegrastats line, read (JetPack 4/5/6 formats).</summary>
/// <param name="RamUsedMiB">RAM in use.</param>
/// <param name="RamTotalMiB">RAM installed.</param>
/// <param name="SwapUsedMiB">Swap in use (0 when not reported).</param>
/// <param name="SwapTotalMiB">Swap size (0 when not reported).</param>
/// <param name="Cpus">Every CPU core in order (offline cores included).</param>
/// <param name="GpuLoadPercent">GR3D load; <c>null</c> when the line has no GR3D field.</param>
/// <param name="GpuFrequenciesMHz">GR3D frequency, one per GPC on multi-GPC modules.</param>
/// <param name="EmcLoadPercent">Memory controller load; <c>null</c> when absent.</param>
/// <param name="EmcFrequencyMHz">Memory controller frequency; <c>null</c> when absent.</param>
/// <param name="TemperaturesC">Temperatures by sensor name as printed (<c>cpu</c>, <c>gpu</c>, <c>tj</c>, <c>CPU</c>, ...).</param>
/// <param name="PowerRails">Power rails in order.</param>
/// <param name="Engines">Other engines and their state as printed (<c>NVENC</c> → <c>off</c>, <c>APE</c> → <c>174</c>).</param>
/// <param name="Timestamp">The line's own timestamp when tegrastats printed one (local time of the node, read as UTC).</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.TegrastatsSample")]
public sealed record TegrastatsSample(
    [property: Id(0)] long RamUsedMiB,
    [property: Id(1)] long RamTotalMiB,
    [property: Id(2)] long SwapUsedMiB,
    [property: Id(3)] long SwapTotalMiB,
    [property: Id(4)] IReadOnlyList<CpuCoreLoad> Cpus,
    [property: Id(5)] double? GpuLoadPercent,
    [property: Id(6)] IReadOnlyList<int> GpuFrequenciesMHz,
    [property: Id(7)] double? EmcLoadPercent,
    [property: Id(8)] int? EmcFrequencyMHz,
    [property: Id(9)] IReadOnlyDictionary<string, double> TemperaturesC,
    [property: Id(10)] IReadOnlyList<PowerRailReading> PowerRails,
    [property: Id(11)] IReadOnlyDictionary<string, string> Engines,
    [property: Id(12)] DateTimeOffset? Timestamp = null);
