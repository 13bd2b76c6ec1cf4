using System.Text;

namespace Coordination.Placement.Engine;

/// <summary>
/// The problem compiled into flat arrays: nodes, workloads and replicas by index, the static filters
/// (ready, unschedulable, selector, taints, temperature) precomputed per class of equal constraints, and
/// per workload the sorted list of nodes that pass them, so the search never re-evaluates labels or taints.
/// </summary>
internal sealed class SolverModel
{
    private readonly int[] _workloadClass;
    private readonly int[] _nodeClass;
    private readonly int _nodeClassCount;
    private readonly byte[] _classFailure;
    private readonly bool[] _classPrefersAvoid;
    private readonly bool[] _usable;

    public SolverModel(PlacementProblem problem)
    {
        Problem = problem;
        var nodes = problem.Nodes;
        var workloads = problem.Workloads;
        NodeCount = nodes.Count;
        WorkloadCount = workloads.Count;

        NodeIndex = new Dictionary<string, int>(NodeCount, StringComparer.Ordinal);
        AllocGpu = new long[NodeCount];
        AllocCpu = new long[NodeCount];
        AllocMem = new long[NodeCount];
        NodeTemperature = new double[NodeCount];
        NodeSoft = new double[NodeCount];
        NodeTier = new int[NodeCount];
        _nodeClass = new int[NodeCount];
        _usable = new bool[NodeCount];
        var nodeClassKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodeClassRepresentative = new List<int>();
        long capGpu = 0, capCpu = 0, capMem = 0;
        for (var n = 0; n < NodeCount; n++)
        {
            var node = nodes[n];
            NodeIndex[node.Name] = n;
            AllocGpu[n] = node.Allocatable.GpuMemoryMiB;
            AllocCpu[n] = node.Allocatable.CpuMillicores;
            AllocMem[n] = node.Allocatable.MemoryMiB;
            _usable[n] = node.Ready && !node.Unschedulable;
            if (_usable[n])
            {
                capGpu += AllocGpu[n];
                capCpu += AllocCpu[n];
                capMem += AllocMem[n];
            }

            NodeTemperature[n] = node.Telemetry?.TemperatureC ?? double.NaN;
            NodeSoft[n] = StaticSoftScore(node.Telemetry);
            NodeTier[n] = JetsonProfiles.TierOf(node) is { } tier ? (int)tier : -1;
            var key = NodeClassKey(node);
            if (!nodeClassKeys.TryGetValue(key, out var nodeClass))
            {
                nodeClass = nodeClassRepresentative.Count;
                nodeClassKeys.Add(key, nodeClass);
                nodeClassRepresentative.Add(n);
            }

            _nodeClass[n] = nodeClass;
        }

        _nodeClassCount = nodeClassRepresentative.Count;

        WorkloadIndex = new Dictionary<string, int>(WorkloadCount, StringComparer.Ordinal);
        ReqGpu = new long[WorkloadCount];
        ReqCpu = new long[WorkloadCount];
        ReqMem = new long[WorkloadCount];
        Priority = new int[WorkloadCount];
        MaxTemperature = new double[WorkloadCount];
        WorkloadTier = new int[WorkloadCount];
        FirstReplica = new int[WorkloadCount + 1];
        _workloadClass = new int[WorkloadCount];
        var workloadClassKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var workloadClassRepresentative = new List<int>();
        long demandGpu = 0, demandCpu = 0, demandMem = 0;
        for (var w = 0; w < WorkloadCount; w++)
        {
            var workload = workloads[w];
            WorkloadIndex[workload.Name] = w;
            ReqGpu[w] = workload.Requests.GpuMemoryMiB;
            ReqCpu[w] = workload.Requests.CpuMillicores;
            ReqMem[w] = workload.Requests.MemoryMiB;
            Priority[w] = workload.Priority;
            MaxTemperature[w] = workload.MaxTemperatureC ?? double.PositiveInfinity;
            WorkloadTier[w] = (int)JetsonProfiles.NaturalTier(workload.Requests);
            FirstReplica[w + 1] = FirstReplica[w] + workload.Replicas;
            demandGpu += ReqGpu[w] * workload.Replicas;
            demandCpu += ReqCpu[w] * workload.Replicas;
            demandMem += ReqMem[w] * workload.Replicas;
            var key = WorkloadClassKey(workload);
            if (!workloadClassKeys.TryGetValue(key, out var workloadClass))
            {
                workloadClass = workloadClassRepresentative.Count;
                workloadClassKeys.Add(key, workloadClass);
                workloadClassRepresentative.Add(w);
            }

            _workloadClass[w] = workloadClass;
        }

        ReplicaCount = FirstReplica[WorkloadCount];
        ReplicaWorkload = new int[ReplicaCount];
        CurrentNode = new int[ReplicaCount];
        for (var w = 0; w < WorkloadCount; w++)
        {
            for (var r = FirstReplica[w]; r < FirstReplica[w + 1]; r++)
            {
                ReplicaWorkload[r] = w;
            }
        }

        Array.Fill(CurrentNode, -1);
        foreach (var entry in problem.Current)
        {
            var w = WorkloadIndex[entry.Workload];
            CurrentNode[FirstReplica[w] + entry.Replica] = NodeIndex[entry.Node];
        }

        // Static filter per (workload class, node class): labels, taints, ready, cordon.
        _classFailure = new byte[workloadClassRepresentative.Count * _nodeClassCount];
        _classPrefersAvoid = new bool[_classFailure.Length];
        for (var wc = 0; wc < workloadClassRepresentative.Count; wc++)
        {
            var workload = workloads[workloadClassRepresentative[wc]];
            for (var nc = 0; nc < _nodeClassCount; nc++)
            {
                var node = nodes[nodeClassRepresentative[nc]];
                _classFailure[(wc * _nodeClassCount) + nc] = (byte)ClassFailure(workload, node, out var avoid);
                _classPrefersAvoid[(wc * _nodeClassCount) + nc] = avoid;
            }
        }

        Feasible = BuildFeasibleLists();
        Conflicts = BuildConflicts(workloads);

        WeightGpu = Scarcity(demandGpu, capGpu);
        WeightCpu = Scarcity(demandCpu, capCpu);
        WeightMem = Scarcity(demandMem, capMem);
        InvGpu = new double[NodeCount];
        InvCpu = new double[NodeCount];
        InvMem = new double[NodeCount];
        // Best fit compares absolute room (heterogeneous bins), so every node uses the same scale: the average node.
        var usable = Math.Max(1, _usable.Count(u => u));
        var scaleGpu = capGpu > 0 ? WeightGpu * usable / capGpu : 0;
        var scaleCpu = capCpu > 0 ? WeightCpu * usable / capCpu : 0;
        var scaleMem = capMem > 0 ? WeightMem * usable / capMem : 0;
        Array.Fill(InvGpu, scaleGpu);
        Array.Fill(InvCpu, scaleCpu);
        Array.Fill(InvMem, scaleMem);

        CanEverFit = new bool[WorkloadCount];
        for (var w = 0; w < WorkloadCount; w++)
        {
            foreach (var n in Feasible[w])
            {
                if (AllocGpu[n] >= ReqGpu[w] && AllocCpu[n] >= ReqCpu[w] && AllocMem[n] >= ReqMem[w])
                {
                    CanEverFit[w] = true;
                    break;
                }
            }
        }
    }

    public PlacementProblem Problem { get; }

    public int NodeCount { get; }

    public int WorkloadCount { get; }

    public int ReplicaCount { get; }

    public Dictionary<string, int> NodeIndex { get; }

    public Dictionary<string, int> WorkloadIndex { get; }

    public long[] AllocGpu { get; }

    public long[] AllocCpu { get; }

    public long[] AllocMem { get; }

    /// <summary>Per node: scarcity weight / average node allocatable, so the normalised size of a request is a dot product.</summary>
    public double[] InvGpu { get; }

    public double[] InvCpu { get; }

    public double[] InvMem { get; }

    public double WeightGpu { get; }

    public double WeightCpu { get; }

    public double WeightMem { get; }

    /// <summary>Telemetry temperature, NaN when unknown (NaN never exceeds a limit).</summary>
    public double[] NodeTemperature { get; }

    /// <summary>The telemetry part of the soft score (cool, idle GPU, power headroom), 0..0.7.</summary>
    public double[] NodeSoft { get; }

    /// <summary>Tier of each node as an int, -1 when unknown.</summary>
    public int[] NodeTier { get; }

    public long[] ReqGpu { get; }

    public long[] ReqCpu { get; }

    public long[] ReqMem { get; }

    public int[] Priority { get; }

    public double[] MaxTemperature { get; }

    public int[] WorkloadTier { get; }

    /// <summary>Replica ids of workload w are FirstReplica[w] .. FirstReplica[w+1]-1.</summary>
    public int[] FirstReplica { get; }

    public int[] ReplicaWorkload { get; }

    /// <summary>Node of each replica in <see cref="PlacementProblem.Current"/>, -1 when none.</summary>
    public int[] CurrentNode { get; }

    /// <summary>Per workload, sorted ids of the workloads its replicas may not share a node with (symmetric closure).</summary>
    public int[][] Conflicts { get; }

    /// <summary>Per workload, ascending ids of the nodes that pass every static filter (shared between equal workloads).</summary>
    public int[][] Feasible { get; }

    /// <summary>Whether some statically feasible node is large enough for one replica when empty.</summary>
    public bool[] CanEverFit { get; }

    public int ReplicaOrdinal(int replica) => replica - FirstReplica[ReplicaWorkload[replica]];

    public int ReplicaId(int workload, int ordinal) => FirstReplica[workload] + ordinal;

    public FilterFailure StaticFailure(int workload, int node)
    {
        var failure = (FilterFailure)_classFailure[(_workloadClass[workload] * _nodeClassCount) + _nodeClass[node]];
        if (failure != FilterFailure.None)
        {
            return failure;
        }

        return NodeTemperature[node] > MaxTemperature[workload] ? FilterFailure.Temperature : FilterFailure.None;
    }

    /// <summary>Ready and not cordoned.</summary>
    public bool StaticNodeUsable(int node) => _usable[node];

    public bool ConflictsWith(int workload, int other) => Array.BinarySearch(Conflicts[workload], other) >= 0;

    /// <summary>Soft score of a workload's replica on a node whose GPU memory in use would be <paramref name="usedGpuAfter"/>.</summary>
    public double Score(int workload, int node, long usedGpuAfter)
    {
        var tier = NodeTier[node];
        var tierFit = tier < 0 ? 0.5 : Math.Abs(tier - WorkloadTier[workload]) switch
        {
            0 => 1.0,
            1 => 0.5,
            _ => 0.0,
        };
        var load = AllocGpu[node] > 0 ? Math.Clamp((double)usedGpuAfter / AllocGpu[node], 0, 1) : 0;
        var avoid = _classPrefersAvoid[(_workloadClass[workload] * _nodeClassCount) + _nodeClass[node]] ? 0.2 : 0;
        return NodeSoft[node] + (0.15 * tierFit) + (0.15 * (1 - load)) - avoid;
    }

    private static double Scarcity(long demand, long capacity) =>
        capacity <= 0 ? 0.05 : Math.Min(1.0, (double)demand / capacity) + 0.05;

    private static double StaticSoftScore(NodeTelemetry? telemetry)
    {
        var cool = telemetry?.TemperatureC is { } t ? Math.Clamp((90 - t) / 60, 0, 1) : 0.5;
        var idle = telemetry?.GpuUtilization is { } u ? Math.Clamp(1 - u, 0, 1) : 0.5;
        var headroom = telemetry is { PowerBudgetWatts: > 0 and var budget, PowerWatts: { } power }
            ? Math.Clamp((budget - power) / budget, 0, 1)
            : 0.5;
        return (0.3 * cool) + (0.2 * idle) + (0.2 * headroom);
    }

    private static FilterFailure ClassFailure(PlacementWorkload workload, PlacementNode node, out bool prefersAvoid)
    {
        prefersAvoid = false;
        if (!node.Ready)
        {
            return FilterFailure.NotReady;
        }

        if (node.Unschedulable)
        {
            return FilterFailure.Unschedulable;
        }

        foreach (var (key, value) in workload.NodeSelector)
        {
            if (!node.Labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return FilterFailure.NodeSelector;
            }
        }

        foreach (var taint in node.Taints)
        {
            if (Tolerated(workload, taint))
            {
                continue;
            }

            if (taint.Effect == TaintEffect.PreferNoSchedule)
            {
                prefersAvoid = true;
                continue;
            }

            return FilterFailure.Taint;
        }

        return FilterFailure.None;
    }

    internal static bool Tolerated(PlacementWorkload workload, Taint taint)
    {
        foreach (var toleration in workload.Tolerations)
        {
            if (toleration.Tolerates(taint))
            {
                return true;
            }
        }

        return false;
    }

    private static string NodeClassKey(PlacementNode node)
    {
        var builder = new StringBuilder();
        builder.Append(node.Ready ? 'R' : 'r').Append(node.Unschedulable ? 'U' : 'u');
        AppendMap(builder, node.Labels);
        builder.Append('\u0003');
        var taints = new List<string>(node.Taints.Count);
        foreach (var taint in node.Taints)
        {
            taints.Add($"{taint.Key}\u0001{taint.Value}\u0001{(int)taint.Effect}");
        }

        taints.Sort(StringComparer.Ordinal);
        builder.AppendJoin('\u0002', taints);
        return builder.ToString();
    }

    private static string WorkloadClassKey(PlacementWorkload workload)
    {
        var builder = new StringBuilder();
        AppendMap(builder, workload.NodeSelector);
        builder.Append('\u0003');
        var tolerations = new List<string>(workload.Tolerations.Count);
        foreach (var toleration in workload.Tolerations)
        {
            tolerations.Add($"{toleration.Key}\u0001{(int)toleration.Operator}\u0001{toleration.Value}\u0001{(toleration.Effect is { } e ? (int)e : -1)}");
        }

        tolerations.Sort(StringComparer.Ordinal);
        builder.AppendJoin('\u0002', tolerations);
        return builder.ToString();
    }

    private static void AppendMap(StringBuilder builder, IReadOnlyDictionary<string, string> map)
    {
        var pairs = new List<string>(map.Count);
        foreach (var (key, value) in map)
        {
            pairs.Add($"{key}\u0001{value}");
        }

        pairs.Sort(StringComparer.Ordinal);
        builder.AppendJoin('\u0002', pairs);
    }

    private int[][] BuildFeasibleLists()
    {
        var lists = new int[WorkloadCount][];
        var cache = new Dictionary<(int Class, double MaxTemperature), int[]>();
        var buffer = new List<int>(NodeCount);
        for (var w = 0; w < WorkloadCount; w++)
        {
            var key = (_workloadClass[w], MaxTemperature[w]);
            if (!cache.TryGetValue(key, out var list))
            {
                buffer.Clear();
                for (var n = 0; n < NodeCount; n++)
                {
                    if (StaticFailure(w, n) == FilterFailure.None)
                    {
                        buffer.Add(n);
                    }
                }

                list = buffer.ToArray();
                cache.Add(key, list);
            }

            lists[w] = list;
        }

        return lists;
    }

    private int[][] BuildConflicts(IReadOnlyList<PlacementWorkload> workloads)
    {
        var sets = new HashSet<int>?[WorkloadCount];
        for (var w = 0; w < WorkloadCount; w++)
        {
            foreach (var name in workloads[w].AntiAffinity)
            {
                if (!WorkloadIndex.TryGetValue(name, out var other))
                {
                    continue;
                }

                (sets[w] ??= []).Add(other);
                (sets[other] ??= []).Add(w);
            }
        }

        var conflicts = new int[WorkloadCount][];
        for (var w = 0; w < WorkloadCount; w++)
        {
            if (sets[w] is { } set)
            {
                var array = set.ToArray();
                Array.Sort(array);
                conflicts[w] = array;
            }
            else
            {
                conflicts[w] = [];
            }
        }

        return conflicts;
    }
}
