using System.Text.Json.Serialization;

namespace Coordination.Simulation.Kpi;

/// <summary>The figures `coord simulate` prints at the end and writes with <c>--report</c>.</summary>
public sealed record SimulationReport
{
    public int Seed { get; init; }

    public int Robots { get; init; }

    public int Nodes { get; init; }

    public int Silos { get; init; }

    public double Seconds { get; init; }

    public int MissionsSubmitted { get; init; }

    public int MissionsCompleted { get; init; }

    public int MissionsFailed { get; init; }

    public int MissionsCancelled { get; init; }

    /// <summary>Submitted missions neither completed, failed, cancelled nor still known to the cluster.</summary>
    public int MissionsLost { get; init; }

    public int TasksCompleted { get; init; }

    public double TasksPerHour { get; init; }

    public LatencySummary AssignmentLatencyMs { get; init; } = new(0, 0);

    public LatencySummary PlanningTimeMs { get; init; } = new(0, 0);

    public int Collisions { get; init; }

    public int SiloKills { get; init; }

    public int NodeFailures { get; init; }

    public int RobotDrops { get; init; }

    public RecoverySummary RecoverySeconds { get; init; } = new(0);

    public int PlacementDecisions { get; init; }

    public int GrainMigrations { get; init; }

    public int PodEvictions { get; init; }

    public double NodeAvailability { get; init; }

    public double MeanGpuUtilization { get; init; }

    /// <summary>Extra detail beyond the contract's figures (per fault recovery, safety stops, ...).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double>? Details { get; init; }
}

public sealed record LatencySummary(double P50, double P99);

public sealed record RecoverySummary(double Max);
