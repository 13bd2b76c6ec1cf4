using Coordination.Placement.Engine;

namespace Coordination.Placement.Tests;

public sealed class PlacementRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("placement-runner-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("""{"nodes": [], "workloads": [{"name": "a"}, {"name": "b"}, {"name": "c"}, {"name": "d", "requests": {"gpuMemoryMiB": -1}}]}""", "$.workloads[3].requests.gpuMemoryMiB: must be >= 0")]
    [InlineData("""{"nodes": [{"name": "n", "lables": {}}], "workloads": []}""", "$.nodes[0].lables: unknown field")]
    [InlineData("""{"nodes": [], "workloads": [], "curent": []}""", "$.curent: unknown field")]
    [InlineData("""{"nodes": [{"name": "n"}, {"name": "n"}], "workloads": []}""", "$.nodes[1].name: duplicate node name 'n' (first at $.nodes[0])")]
    [InlineData("""{"nodes": [], "workloads": [{"name": "w"}, {"name": "w"}]}""", "$.workloads[1].name: duplicate workload name 'w' (first at $.workloads[0])")]
    [InlineData("""{"nodes": [{"name": "n", "taints": [{"key": "k", "effect": "NoScheduel"}]}], "workloads": []}""", "$.nodes[0].taints[0].effect: 'NoScheduel' is not one of NoSchedule, PreferNoSchedule, NoExecute")]
    [InlineData("""{"nodes": [], "workloads": [{"name": "w", "tolerations": [{"key": "k", "operator": "In"}]}]}""", "$.workloads[0].tolerations[0].operator: 'In' is not one of Equal, Exists")]
    [InlineData("""{"nodes": [], "workloads": [{"name": "w", "tolerations": [{"key": "k", "operator": "Exists", "value": "v"}]}]}""", "$.workloads[0].tolerations[0].value: must be empty when operator is Exists")]
    [InlineData("""{"nodes": [{"name": "n"}], "workloads": [{"name": "w"}], "current": [{"workload": "x", "replica": 0, "node": "n"}]}""", "$.current[0].workload: unknown workload 'x'")]
    [InlineData("""{"nodes": [{"name": "n"}], "workloads": [{"name": "w"}], "current": [{"workload": "w", "replica": 0, "node": "m"}]}""", "$.current[0].node: unknown node 'm'")]
    [InlineData("""{"nodes": [{"name": "n"}], "workloads": [{"name": "w", "replicas": 2}], "current": [{"workload": "w", "replica": 2, "node": "n"}]}""", "$.current[0].replica: 2 is out of range 0..1 (workload 'w' has 2 replicas)")]
    [InlineData("""{"nodes": [{"name": "n"}], "workloads": [{"name": "w"}], "current": [{"workload": "w", "node": "n"}, {"workload": "w", "replica": 0, "node": "n"}]}""", "$.current[1]: replica 0 of 'w' is already placed by $.current[0]")]
    [InlineData("""{"nodes": [{"profile": "nano"}], "workloads": []}""", "$.nodes[0].name: is required")]
    [InlineData("""{"nodes": [], "workloads": [{"name": "w", "replicas": "3"}]}""", "$.workloads[0].replicas: must be an integer, not a string")]
    [InlineData("""{"nodes": [], "workloads": [{"name": "w", "replicas": -2}]}""", "$.workloads[0].replicas: must be >= 0")]
    [InlineData("""{"nodes": [{"name": "n", "telemetry": {"gpuUtilization": 35}}], "workloads": []}""", "$.nodes[0].telemetry.gpuUtilization: must be between 0 and 1")]
    [InlineData("""{"nodes": [{"name": "n", "labels": {"jetson/tier": 3}}], "workloads": []}""", "$.nodes[0].labels['jetson/tier']: must be a string, not a number")]
    [InlineData("""{"nodes": [{"name": "n", "ready": "yes"}], "workloads": []}""", "$.nodes[0].ready: must be true or false, not a string")]
    [InlineData("""{"nodes": {}, "workloads": []}""", "$.nodes: must be a list, not an object")]
    [InlineData("""{"nodes": [], "workloads": [{"name": "w", "priority": 1}], }""", "$: invalid JSON at line 1")]
    [InlineData("""[]""", "$: must be an object, not a list")]
    public void BadInputExitsTwoNamingTheJsonPath(string json, string expected)
    {
        var (exit, stdout, stderr) = Run(json);

        Assert.Equal(PlacementRunner.ExitBadInput, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void EveryErrorIsReportedAtOnce()
    {
        var (exit, _, stderr) = Run("""{"nodes": [{"name": "n", "allocatable": {"cpuMillicores": -5}}], "workloads": [{"name": "w", "requests": {"memoryMiB": -1}}]}""");

        Assert.Equal(2, exit);
        Assert.Contains("$.nodes[0].allocatable.cpuMillicores: must be >= 0", stderr, StringComparison.Ordinal);
        Assert.Contains("$.workloads[0].requests.memoryMiB: must be >= 0", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileExitsTwo()
    {
        var stderr = new StringWriter();
        var exit = PlacementRunner.Run(new PlacementSolveArgs(Path.Combine(_directory, "nope.json")), new StringWriter(), stderr, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains("nope.json: file not found", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PlanGoesToStdoutAndExplanationToStderr()
    {
        var (exit, stdout, stderr) = Run(TestProblems.ContractExample, explain: true);

        Assert.Equal(0, exit);
        var plan = PlacementJson.ReadPlan(stdout);
        Assert.Single(plan.Assignments);
        Assert.Equal(2, plan.Unscheduled.Count);
        Assert.Contains("yolo-inference replica 1: unscheduled", stderr, StringComparison.Ordinal);
        Assert.Contains("anti-affinity with yolo-inference replica 0", stderr, StringComparison.Ordinal);
        Assert.Contains("yolo-inference replica 0: -> agx-orin-01", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void OutFileGetsThePlanAndStdoutTheSummaryAndTable()
    {
        var output = Path.Combine(_directory, "plan.json");
        var (exit, stdout, stderr) = Run(TestProblems.ContractExample, explain: true, output);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Single(PlacementJson.ReadPlan(File.ReadAllText(output)).Assignments);
        Assert.Contains("placed 1/3 replicas, 2 unscheduled, 0 evictions, 0 moves", stdout, StringComparison.Ordinal);
        Assert.Contains("* agx-orin-01", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UnscheduledReplicasStillExitZero()
    {
        var (exit, stdout, _) = Run("""{"nodes": [{"name": "n", "allocatable": {"gpuMemoryMiB": 1}}], "workloads": [{"name": "w", "requests": {"gpuMemoryMiB": 2}}]}""");

        Assert.Equal(0, exit);
        Assert.Equal("0/1 nodes: 1 insufficient gpuMemoryMiB", Assert.Single(PlacementJson.ReadPlan(stdout).Unscheduled).Reason);
    }

    [Fact]
    public void ExplainGivesEveryNodeAVerdictWithDetails()
    {
        var problem = PlacementJson.ReadProblem("""
            {"nodes": [
               {"name": "hot", "allocatable": {"gpuMemoryMiB": 8192}, "telemetry": {"temperatureC": 90}},
               {"name": "small", "allocatable": {"gpuMemoryMiB": 1024}},
               {"name": "fine", "allocatable": {"gpuMemoryMiB": 8192}, "taints": [{"key": "dedicated", "value": "slam"}]},
               {"name": "ok", "allocatable": {"gpuMemoryMiB": 8192}}],
             "workloads": [{"name": "w", "requests": {"gpuMemoryMiB": 2048}, "maxTemperatureC": 85}]}
            """);
        var plan = TestProblems.Solve(problem);
        var verdicts = Assert.Single(PlacementEngine.Explain(problem, plan)).Nodes.ToDictionary(v => v.Node);

        Assert.Equal("temperature 90C above maxTemperatureC 85", verdicts["hot"].Verdict);
        Assert.Equal("insufficient gpuMemoryMiB: requests 2048, free 1024 of 1024", verdicts["small"].Verdict);
        Assert.Equal("untolerated taint dedicated=slam:NoSchedule", verdicts["fine"].Verdict);
        Assert.Equal("assigned", verdicts["ok"].Verdict);
        Assert.True(verdicts["ok"].Assigned);
        Assert.NotNull(verdicts["ok"].Score);
    }

    private (int Exit, string Stdout, string Stderr) Run(string json, bool explain = false, string? output = null)
    {
        var path = Path.Combine(_directory, $"cluster-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = PlacementRunner.Run(new PlacementSolveArgs(path, output, explain) { Budget = TimeSpan.FromSeconds(30) }, stdout, stderr, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
