using Coordination.Placement;

namespace Coordination.Tests.Placement;

public sealed class AutoscalerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly WorkloadAutoscaling Policy = new(
        "perception.queue", TargetPerReplica: 10, MinReplicas: 1, MaxReplicas: 8, Tolerance: 0.1,
        ScaleUpStabilization: TimeSpan.Zero, ScaleDownStabilization: TimeSpan.FromMinutes(5));

    private static KpiSample Sample(double value, DateTimeOffset at, string source = "pod-a") =>
        new("robotics/perception", "perception.queue", value, source, at);

    [Fact]
    public void Scales_up_at_once_to_the_ratio_of_kpi_to_target()
    {
        var scaler = new Autoscaler(TimeSpan.FromMinutes(2));
        scaler.Record(Sample(30, T0));
        var r = scaler.Recommend("robotics/perception", Policy, currentReplicas: 2, T0);
        Assert.Equal(6, r.Desired);
        Assert.Equal(30, r.KpiValue);
    }

    [Fact]
    public void Holds_inside_the_tolerance_band()
    {
        var scaler = new Autoscaler(TimeSpan.FromMinutes(2));
        scaler.Record(Sample(10.9, T0));
        Assert.Equal(3, scaler.Recommend("robotics/perception", Policy, 3, T0).Desired);
        scaler.Record(Sample(11.5, T0.AddSeconds(1)));
        Assert.Equal(4, scaler.Recommend("robotics/perception", Policy, 3, T0.AddSeconds(1)).Desired);
    }

    [Fact]
    public void Scales_down_only_after_the_stabilization_window_and_never_flaps()
    {
        var scaler = new Autoscaler(TimeSpan.FromMinutes(10));
        var replicas = 4;
        scaler.Record(Sample(10, T0));
        Assert.Equal(4, scaler.Recommend("robotics/perception", Policy, replicas, T0).Desired);

        // The load drops: for the whole 5-minute window the earlier recommendation (4) holds.
        for (var s = 15; s < 300; s += 15)
        {
            scaler.Record(Sample(5, T0.AddSeconds(s)));
            var r = scaler.Recommend("robotics/perception", Policy, replicas, T0.AddSeconds(s));
            Assert.Equal(4, r.Desired);
            Assert.Contains("stabilization window", r.Reason, StringComparison.Ordinal);
        }

        scaler.Record(Sample(5, T0.AddSeconds(301)));
        var down = scaler.Recommend("robotics/perception", Policy, replicas, T0.AddSeconds(301));
        Assert.Equal(2, down.Desired);
    }

    [Fact]
    public void A_short_spike_inside_the_up_window_does_not_scale_up()
    {
        var policy = Policy with { ScaleUpStabilization = TimeSpan.FromSeconds(30) };
        var scaler = new Autoscaler(TimeSpan.FromMinutes(2));
        scaler.Record(Sample(10, T0));
        Assert.Equal(2, scaler.Recommend("robotics/perception", policy, 2, T0).Desired);
        scaler.Record(Sample(60, T0.AddSeconds(10)));
        Assert.Equal(2, scaler.Recommend("robotics/perception", policy, 2, T0.AddSeconds(10)).Desired);
        scaler.Record(Sample(30, T0.AddSeconds(41)));
        Assert.Equal(6, scaler.Recommend("robotics/perception", policy, 2, T0.AddSeconds(41)).Desired);
    }

    [Fact]
    public void Bounded_by_min_and_max_and_averages_fresh_reporters_only()
    {
        var scaler = new Autoscaler(TimeSpan.FromMinutes(1));
        scaler.Record(Sample(1000, T0, "pod-a"));
        Assert.Equal(8, scaler.Recommend("robotics/perception", Policy, 2, T0).Desired);

        scaler.Record(Sample(0, T0.AddMinutes(2), "pod-b"));
        var r = scaler.Recommend("robotics/perception", Policy, 1, T0.AddMinutes(2));
        Assert.Equal(0, r.KpiValue);
        Assert.Equal(1, r.Desired);
    }

    [Fact]
    public void Without_fresh_readings_the_replicas_stay_within_bounds()
    {
        var scaler = new Autoscaler(TimeSpan.FromMinutes(1));
        var r = scaler.Recommend("robotics/perception", Policy with { MinReplicas = 3 }, 1, T0);
        Assert.Null(r.KpiValue);
        Assert.Equal(3, r.Desired);
    }

    [Fact]
    public void Annotations_give_a_policy_or_an_error_naming_the_annotation()
    {
        var ok = WorkloadAnnotations.ParseAutoscaling(
            new Dictionary<string, string>
            {
                [WorkloadAnnotations.AutoscaleKpi] = "perception.queue",
                [WorkloadAnnotations.AutoscaleTarget] = "12.5",
                [WorkloadAnnotations.AutoscaleMax] = "6",
            },
            currentReplicas: 3,
            out var none);
        Assert.Null(none);
        Assert.Equal(new WorkloadAutoscaling("perception.queue", 12.5, 1, 6, 0.1, TimeSpan.Zero, TimeSpan.FromMinutes(5)), ok);

        var bad = WorkloadAnnotations.ParseAutoscaling(
            new Dictionary<string, string> { [WorkloadAnnotations.AutoscaleKpi] = "q", [WorkloadAnnotations.AutoscaleTarget] = "lots" },
            3,
            out var error);
        Assert.Null(bad);
        Assert.Contains(WorkloadAnnotations.AutoscaleTarget, error, StringComparison.Ordinal);
    }
}
