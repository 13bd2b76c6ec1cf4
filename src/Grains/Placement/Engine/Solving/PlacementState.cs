namespace Coordination.Placement.Engine;

/// <summary>
/// A (partial) placement: node of every replica, resources in use and replicas per node, plus a journal
/// so the repair search can try a chain of moves and roll it back.
/// </summary>
internal sealed class PlacementState
{
    private readonly SolverModel _model;
    private readonly List<JournalEntry> _journal = [];
    private int _open;

    public PlacementState(SolverModel model)
    {
        _model = model;
        NodeOf = new int[model.ReplicaCount];
        Array.Fill(NodeOf, -1);
        UsedGpu = new long[model.NodeCount];
        UsedCpu = new long[model.NodeCount];
        UsedMem = new long[model.NodeCount];
        OnNode = new List<int>[model.NodeCount];
        for (var n = 0; n < model.NodeCount; n++)
        {
            OnNode[n] = [];
        }

        Displaced = new Displacement[model.ReplicaCount];
    }

    public int[] NodeOf { get; }

    public long[] UsedGpu { get; }

    public long[] UsedCpu { get; }

    public long[] UsedMem { get; }

    public List<int>[] OnNode { get; }

    /// <summary>Why each <c>current</c> replica last left a node.</summary>
    public Displacement[] Displaced { get; }

    public int PlacedCount { get; private set; }

    /// <summary>Counts removals: while it is unchanged no room was freed, so a replica that did not fit still does not.</summary>
    public long Removals { get; private set; }

    public bool Fits(int workload, int node) =>
        UsedGpu[node] + _model.ReqGpu[workload] <= _model.AllocGpu[node]
        && UsedCpu[node] + _model.ReqCpu[workload] <= _model.AllocCpu[node]
        && UsedMem[node] + _model.ReqMem[workload] <= _model.AllocMem[node];

    public bool AntiAffinityAllows(int workload, int node)
    {
        var conflicts = _model.Conflicts[workload];
        if (conflicts.Length == 0)
        {
            return true;
        }

        var replicas = OnNode[node];
        var replicaWorkload = _model.ReplicaWorkload;
        for (var i = 0; i < replicas.Count; i++)
        {
            if (Array.BinarySearch(conflicts, replicaWorkload[replicas[i]]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first failing dynamic filter (anti-affinity, then resources) for a replica not on the node.</summary>
    public FilterFailure DynamicFailure(int workload, int node)
    {
        if (!AntiAffinityAllows(workload, node))
        {
            return FilterFailure.AntiAffinity;
        }

        if (UsedGpu[node] + _model.ReqGpu[workload] > _model.AllocGpu[node])
        {
            return FilterFailure.GpuMemory;
        }

        if (UsedCpu[node] + _model.ReqCpu[workload] > _model.AllocCpu[node])
        {
            return FilterFailure.Cpu;
        }

        return UsedMem[node] + _model.ReqMem[workload] > _model.AllocMem[node] ? FilterFailure.Memory : FilterFailure.None;
    }

    public FilterFailure Failure(int workload, int node)
    {
        var failure = _model.StaticFailure(workload, node);
        return failure != FilterFailure.None ? failure : DynamicFailure(workload, node);
    }

    public void Place(int replica, int node)
    {
        Attach(replica, node);
        if (_open > 0)
        {
            _journal.Add(new JournalEntry(true, replica, node, default));
        }
    }

    /// <summary>Removes a placed replica; a <c>current</c> replica records <paramref name="reason"/> unless it is <c>default</c>.</summary>
    public void Remove(int replica, Displacement reason)
    {
        var node = NodeOf[replica];
        var previous = Displaced[replica];
        Detach(replica, node);
        if (reason.Kind != DisplacementKind.None && _model.CurrentNode[replica] >= 0)
        {
            Displaced[replica] = reason;
        }

        if (_open > 0)
        {
            _journal.Add(new JournalEntry(false, replica, node, previous));
        }
    }

    /// <summary>Opens a (nested) transaction and returns its mark.</summary>
    public int Begin()
    {
        _open++;
        return _journal.Count;
    }

    public void Commit()
    {
        _open--;
        if (_open == 0)
        {
            _journal.Clear();
        }
    }

    public void Rollback(int mark)
    {
        for (var i = _journal.Count - 1; i >= mark; i--)
        {
            var entry = _journal[i];
            if (entry.Placed)
            {
                Detach(entry.Replica, entry.Node);
            }
            else
            {
                Attach(entry.Replica, entry.Node);
                Displaced[entry.Replica] = entry.Previous;
            }
        }

        _journal.RemoveRange(mark, _journal.Count - mark);
        _open--;
        if (_open == 0)
        {
            _journal.Clear();
        }
    }

    private void Attach(int replica, int node)
    {
        var workload = _model.ReplicaWorkload[replica];
        NodeOf[replica] = node;
        UsedGpu[node] += _model.ReqGpu[workload];
        UsedCpu[node] += _model.ReqCpu[workload];
        UsedMem[node] += _model.ReqMem[workload];
        OnNode[node].Add(replica);
        PlacedCount++;
    }

    private void Detach(int replica, int node)
    {
        var workload = _model.ReplicaWorkload[replica];
        NodeOf[replica] = -1;
        Removals++;
        UsedGpu[node] -= _model.ReqGpu[workload];
        UsedCpu[node] -= _model.ReqCpu[workload];
        UsedMem[node] -= _model.ReqMem[workload];
        var list = OnNode[node];
        var index = list.IndexOf(replica);
        list[index] = list[^1];
        list.RemoveAt(list.Count - 1);
        PlacedCount--;
    }
}
