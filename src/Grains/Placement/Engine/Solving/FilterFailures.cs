namespace Coordination.Placement.Engine;

/// <summary>Labels of <see cref="FilterFailure"/> as they appear in aggregated reasons.</summary>
internal static class FilterFailures
{
    public const int Count = (int)FilterFailure.Memory + 1;

    public static string Label(FilterFailure failure) => failure switch
    {
        FilterFailure.NotReady => "not ready",
        FilterFailure.Unschedulable => "unschedulable",
        FilterFailure.NodeSelector => "node selector mismatch",
        FilterFailure.Taint => "untolerated taint",
        FilterFailure.Temperature => "above maxTemperatureC",
        FilterFailure.AntiAffinity => "anti-affinity",
        FilterFailure.GpuMemory => "insufficient gpuMemoryMiB",
        FilterFailure.Cpu => "insufficient cpuMillicores",
        FilterFailure.Memory => "insufficient memoryMiB",
        _ => "feasible",
    };
}
