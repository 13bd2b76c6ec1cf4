namespace Coordination.Simulation.Setup;

/// <summary>The options of <c>coord simulate</c> (see the README): a fleet on an in-process cluster, with faults.</summary>
public sealed record SimulationSettings
{
    /// <summary>A MovingAI map file; null for the embedded warehouse map.</summary>
    public string? MapPath { get; init; }

    public int Robots { get; init; } = 24;

    public int Nodes { get; init; } = 6;

    public int Silos { get; init; } = 3;

    public int Missions { get; init; } = 60;

    public double Seconds { get; init; } = 60;

    public int Seed { get; init; } = 1;

    /// <summary>host:port of a Redis for clustering and grain state; null for in-memory.</summary>
    public string? Redis { get; init; }

    public IReadOnlyList<double> KillSiloAt { get; init; } = [];

    public IReadOnlyList<double> FailNodeAt { get; init; } = [];

    public IReadOnlyList<double> DropRobotAt { get; init; } = [];

    public string? ReportPath { get; init; }

    /// <summary>Show the live progress view (off when output is redirected or in tests).</summary>
    public bool Live { get; init; } = true;

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Robots is < 1 or > 2000)
        {
            problems.Add($"--robots: {Robots} is out of range (1 to 2000)");
        }

        if (Nodes is < 1 or > 500)
        {
            problems.Add($"--nodes: {Nodes} is out of range (1 to 500)");
        }

        if (Silos is < 1 or > 10)
        {
            problems.Add($"--silos: {Silos} is out of range (1 to 10)");
        }

        if (Missions is < 0 or > 100_000)
        {
            problems.Add($"--missions: {Missions} is out of range (0 to 100000)");
        }

        if (!double.IsFinite(Seconds) || Seconds <= 0 || Seconds > 86_400)
        {
            problems.Add($"--seconds: {Seconds} must be more than 0 and at most 86400");
        }

        Times("--kill-silo-at", KillSiloAt, problems);
        Times("--fail-node-at", FailNodeAt, problems);
        Times("--drop-robot-at", DropRobotAt, problems);
        if (KillSiloAt.Count > 0 && KillSiloAt.Count >= Silos)
        {
            problems.Add($"--kill-silo-at: {KillSiloAt.Count} kill(s) need more than {KillSiloAt.Count} silos (--silos {Silos})");
        }

        if (FailNodeAt.Count >= Nodes && FailNodeAt.Count > 0)
        {
            problems.Add($"--fail-node-at: {FailNodeAt.Count} failure(s) need more than {FailNodeAt.Count} nodes (--nodes {Nodes})");
        }

        if (Redis is not null)
        {
            var colon = Redis.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(Redis[(colon + 1)..], out var port) || port is < 1 or > 65535)
            {
                problems.Add($"--redis: '{Redis}' is not host:port");
            }
        }

        if (MapPath is not null && !File.Exists(MapPath))
        {
            problems.Add($"--map: {MapPath}: no such file");
        }

        return problems;
    }

    private void Times(string option, IReadOnlyList<double> times, List<string> problems)
    {
        foreach (var t in times)
        {
            if (!double.IsFinite(t) || t < 0 || t >= Seconds)
            {
                problems.Add($"{option}: {t} is not within the run (0 to {Seconds} s)");
            }
        }
    }
}
