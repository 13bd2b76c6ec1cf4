using System.Diagnostics;

namespace Coordination.Placement.Engine;

/// <summary>
/// The search behind <see cref="PlacementEngine.Solve"/>:
/// <list type="number">
/// <item>keep every <c>current</c> replica whose node still accepts it (higher priority first);</item>
/// <item>best-fit-decreasing: the other replicas by priority, then dominant share of the capacity they can use,
/// each to the feasible node it leaves the least room on (its current node first);</item>
/// <item>a replica that fits nowhere tries an ejection chain (move one or two replicas off a node, re-place them
/// recursively, roll back if the chain fails), then preemption of strictly lower-priority replicas
/// (fewest victims, then lowest priorities);</item>
/// <item>until the deadline: randomised deeper repair passes over what is still unplaced;</item>
/// <item>moved <c>current</c> replicas go back home where they fit, then newly placed replicas move to nodes
/// with a better soft score (cooler, idle, power headroom, tier fit, less planned load).</item>
/// </list>
/// </summary>
internal sealed class PlacementSearch
{
    private const double MovePenalty = 4.0;
    private const double PairPenalty = 0.25;
    private const int MaxPairScan = 24;
    private const int SoftWindow = 128;

    private readonly SolverModel _m;
    private readonly PlacementState _s;
    private readonly Random _random;
    private readonly Stopwatch _clock;
    private readonly TimeSpan _budget;
    private readonly CancellationToken _cancellationToken;
    private readonly double[] _share;
    private readonly int[] _pinned;
    private readonly int[] _failedInPass;
    private readonly long[] _noFitAt;
    private readonly double[] _scoreBuffer;
    private readonly int _lowestPriority;
    private readonly int[] _fitStamp;
    private readonly int[] _fitNode;
    private int _fitScan;
    private readonly List<int> _victimBuffer = [];
    private readonly List<int> _poolBuffer = [];
    private readonly List<int> _bestVictims = [];
    private int _pinStamp;
    private int _pass = 1;
    private double _noise;
    private bool _expired;

    public PlacementSearch(SolverModel model, PlacementState state, PlacementOptions options, Stopwatch clock, CancellationToken cancellationToken)
    {
        _m = model;
        _s = state;
        _random = new Random(options.Seed);
        _clock = clock;
        _budget = options.Budget;
        _cancellationToken = cancellationToken;
        _share = ComputeShares(model);
        _pinned = new int[model.ReplicaCount];
        _failedInPass = new int[model.WorkloadCount];
        _fitStamp = new int[model.WorkloadCount];
        _noFitAt = new long[model.WorkloadCount];
        Array.Fill(_noFitAt, -1);
        _scoreBuffer = new double[model.NodeCount];
        _lowestPriority = model.WorkloadCount == 0 ? 0 : model.Priority.Min();
        _fitNode = new int[model.WorkloadCount];
        _sizeFirst = DemandFits(model);
    }

    public void Run()
    {
        KeepCurrent(_m, _s);
        Construct();
        _deadline = _clock.Elapsed + _budget;
        Improve();
        FillDirect();
        ReturnHome();
        SoftImprove();
        FillDirect();
        FinalPreemption();
    }

    /// <summary>Keeps every current replica whose node still accepts it, higher priority first; records why the others leave.</summary>
    internal static void KeepCurrent(SolverModel model, PlacementState state)
    {
        var current = new List<int>();
        for (var r = 0; r < model.ReplicaCount; r++)
        {
            if (model.CurrentNode[r] >= 0)
            {
                current.Add(r);
            }
        }

        current.Sort((a, b) =>
        {
            var byPriority = model.Priority[model.ReplicaWorkload[b]].CompareTo(model.Priority[model.ReplicaWorkload[a]]);
            return byPriority != 0 ? byPriority : a.CompareTo(b);
        });
        foreach (var r in current)
        {
            var node = model.CurrentNode[r];
            var failure = state.Failure(model.ReplicaWorkload[r], node);
            if (failure == FilterFailure.None)
            {
                state.Place(r, node);
            }
            else
            {
                state.Displaced[r] = Displacement.KeepFailed(failure, node);
            }
        }
    }

    private TimeSpan _deadline = TimeSpan.MaxValue;
    private readonly bool _sizeFirst;

    private bool Expired
    {
        get
        {
            if (!_expired && _clock.Elapsed > _deadline)
            {
                _expired = true;
            }

            return _expired;
        }
    }

    private void Construct()
    {
        var queue = new PriorityQueue<int, (double First, double Second, int Replica)>();
        for (var r = 0; r < _m.ReplicaCount; r++)
        {
            if (_s.NodeOf[r] < 0)
            {
                Enqueue(queue, r);
            }
        }

        var steps = 0;
        while (queue.TryDequeue(out var r, out _))
        {
            if ((++steps & 255) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            if (_s.NodeOf[r] < 0)
            {
                PlaceDirect(r);
            }
        }
    }

    private void Improve()
    {
        var fruitless = 0;
        var unplaced = new List<int>();
        for (var pass = 0; pass < 64 && fruitless < 4; pass++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            unplaced.Clear();
            for (var r = 0; r < _m.ReplicaCount; r++)
            {
                if (_s.NodeOf[r] < 0 && _m.CanEverFit[_m.ReplicaWorkload[r]])
                {
                    unplaced.Add(r);
                }
            }

            if (unplaced.Count == 0 || Expired)
            {
                return;
            }

            unplaced.Sort(CompareOrder);
            _pass++;
            _noise = pass == 0 ? 0 : 0.6;
            var depth = 3 + (pass % 2);
            var width = 3 + (pass % 3);
            var progress = false;
            foreach (var r in unplaced)
            {
                if (_s.NodeOf[r] < 0 && Schedule(r, depth, width, queue: null))
                {
                    progress = true;
                }

                if (Expired)
                {
                    return;
                }
            }

            fruitless = progress ? 0 : fruitless + 1;
        }
    }

    /// <summary>Direct fit, else ejection chain, else preemption; preempted victims go back to the queue (or are retried at once).</summary>
    private bool Schedule(int r, int depth, int width, PriorityQueue<int, (double First, double Second, int Replica)>? queue)
    {
        var w = _m.ReplicaWorkload[r];
        if (!_m.CanEverFit[w])
        {
            return false;
        }

        if (PlaceDirect(r))
        {
            return true;
        }

        if (_failedInPass[w] == _pass)
        {
            return false;
        }

        if (!Expired)
        {
            _pinStamp++;
            var mark = _s.Begin();
            if (TryInsert(r, depth, -1, width))
            {
                _s.Commit();
                return true;
            }

            _s.Rollback(mark);
        }

        if (TryPreempt(r))
        {
            foreach (var victim in _bestVictims)
            {
                if (queue is not null)
                {
                    Enqueue(queue, victim);
                }
                else
                {
                    var victimNode = BestFitNode(victim, -1);
                    if (victimNode >= 0)
                    {
                        _s.Place(victim, victimNode);
                    }
                }
            }

            return true;
        }

        _failedInPass[w] = _pass;
        return false;
    }

    /// <summary>The feasible node the replica fits on with the least normalised room left; its current node first. -1 if none.</summary>
    private int BestFitNode(int r, int forbidden, bool ignoreHome = false)
    {
        var w = _m.ReplicaWorkload[r];
        var home = _m.CurrentNode[r];
        if (!ignoreHome && home >= 0 && home != forbidden && _s.Failure(w, home) == FilterFailure.None)
        {
            return home;
        }

        var reqGpu = _m.ReqGpu[w];
        var reqCpu = _m.ReqCpu[w];
        var reqMem = _m.ReqMem[w];
        var checkAnti = _m.Conflicts[w].Length > 0;
        var allocGpu = _m.AllocGpu;
        var allocCpu = _m.AllocCpu;
        var allocMem = _m.AllocMem;
        var usedGpu = _s.UsedGpu;
        var usedCpu = _s.UsedCpu;
        var usedMem = _s.UsedMem;
        var invGpu = _m.InvGpu;
        var invCpu = _m.InvCpu;
        var invMem = _m.InvMem;
        var best = -1;
        var bestLeft = double.MaxValue;
        var feasible = _m.Feasible[w];
        for (var i = 0; i < feasible.Length; i++)
        {
            var n = feasible[i];
            var freeGpu = allocGpu[n] - usedGpu[n] - reqGpu;
            if (freeGpu < 0)
            {
                continue;
            }

            var freeCpu = allocCpu[n] - usedCpu[n] - reqCpu;
            var freeMem = allocMem[n] - usedMem[n] - reqMem;
            if (freeCpu < 0 || freeMem < 0 || n == forbidden)
            {
                continue;
            }

            var left = (freeGpu * invGpu[n]) + (freeCpu * invCpu[n]) + (freeMem * invMem[n]);
            if (left < bestLeft - 1e-12 && (!checkAnti || _s.AntiAffinityAllows(w, n)))
            {
                best = n;
                bestLeft = left;
            }
        }

        return best;
    }

    /// <summary>Ejection chain: place r by moving one or two replicas off a node and re-placing them, up to depth levels.</summary>
    private bool TryInsert(int r, int depth, int forbidden, int width)
    {
        var node = BestFitNode(r, forbidden);
        if (node >= 0)
        {
            _s.Place(r, node);
            _pinned[r] = _pinStamp;
            return true;
        }

        if (depth == 0 || Expired)
        {
            return false;
        }

        if (TrySingleEjection(r, forbidden, allowHome: false) || TrySingleEjection(r, forbidden, allowHome: true))
        {
            return true;
        }

        if (depth == 1)
        {
            return false;
        }

        Span<EjectionCandidate> candidates = stackalloc EjectionCandidate[Math.Min(width, 8)];
        var count = FindEjections(r, forbidden, candidates);
        for (var c = 0; c < count; c++)
        {
            var candidate = candidates[c];
            var mark = _s.Begin();
            _s.Remove(candidate.First, Displacement.MadeRoom(r, candidate.Node));
            if (candidate.Second >= 0)
            {
                _s.Remove(candidate.Second, Displacement.MadeRoom(r, candidate.Node));
            }

            _s.Place(r, candidate.Node);
            _pinned[r] = _pinStamp;
            var ok = TryInsert(candidate.First, depth - 1, candidate.Node, width)
                && (candidate.Second < 0 || TryInsert(candidate.Second, depth - 1, candidate.Node, width));
            if (ok)
            {
                _s.Commit();
                return true;
            }

            _s.Rollback(mark);
        }

        return false;
    }

    /// <summary>
    /// The cheap, common repair: move one replica off a node r could use to a node where it fits directly. Whether a
    /// workload fits directly somewhere is cached for the duration of the scan (the state does not change during it).
    /// </summary>
    private bool TrySingleEjection(int r, int forbidden, bool allowHome)
    {
        var w = _m.ReplicaWorkload[r];
        var reqGpu = _m.ReqGpu[w];
        var reqCpu = _m.ReqCpu[w];
        var reqMem = _m.ReqMem[w];
        var checkAnti = _m.Conflicts[w].Length > 0;
        var feasible = _m.Feasible[w];
        _fitScan++;
        for (var i = 0; i < feasible.Length; i++)
        {
            var n = feasible[i];
            if (n == forbidden || _m.AllocGpu[n] < reqGpu || _m.AllocCpu[n] < reqCpu || _m.AllocMem[n] < reqMem)
            {
                continue;
            }

            var needGpu = _s.UsedGpu[n] + reqGpu - _m.AllocGpu[n];
            var needCpu = _s.UsedCpu[n] + reqCpu - _m.AllocCpu[n];
            var needMem = _s.UsedMem[n] + reqMem - _m.AllocMem[n];
            if ((needGpu <= 0 && needCpu <= 0 && needMem <= 0) || (checkAnti && !_s.AntiAffinityAllows(w, n)))
            {
                continue;
            }

            var replicas = _s.OnNode[n];
            for (var j = 0; j < replicas.Count; j++)
            {
                var e = replicas[j];
                var we = _m.ReplicaWorkload[e];
                if (_pinned[e] == _pinStamp || (!allowHome && _m.CurrentNode[e] == n)
                    || _m.ReqGpu[we] < needGpu || _m.ReqCpu[we] < needCpu || _m.ReqMem[we] < needMem)
                {
                    continue;
                }

                var target = DirectFitElsewhere(e, n);
                if (target < 0)
                {
                    continue;
                }

                _s.Remove(e, Displacement.MadeRoom(r, n));
                _s.Place(r, n);
                _s.Place(e, target);
                _pinned[r] = _pinStamp;
                _pinned[e] = _pinStamp;
                return true;
            }
        }

        return false;
    }

    /// <summary>Best direct-fit node for replica e (now on node n) other than n, cached per workload within one scan.</summary>
    private int DirectFitElsewhere(int e, int n)
    {
        var we = _m.ReplicaWorkload[e];
        if (_m.CurrentNode[e] >= 0 && _m.CurrentNode[e] != n)
        {
            // A moved current replica may have its own home free again: not cacheable per workload.
            return BestFitNode(e, n);
        }

        if (_fitStamp[we] != _fitScan)
        {
            _fitStamp[we] = _fitScan;
            _fitNode[we] = BestFitNode(e, -1, ignoreHome: true);
        }

        var cached = _fitNode[we];
        return cached != n ? cached : BestFitNode(e, n, ignoreHome: true);
    }

    private int FindEjections(int r, int forbidden, Span<EjectionCandidate> best)
    {
        var w = _m.ReplicaWorkload[r];
        var reqGpu = _m.ReqGpu[w];
        var reqCpu = _m.ReqCpu[w];
        var reqMem = _m.ReqMem[w];
        var checkAnti = _m.Conflicts[w].Length > 0;
        var count = 0;
        var feasible = _m.Feasible[w];
        for (var pairs = 0; pairs < 2 && count < best.Length; pairs++)
        {
            for (var i = 0; i < feasible.Length; i++)
            {
                var n = feasible[i];
                if (n == forbidden || _m.AllocGpu[n] < reqGpu || _m.AllocCpu[n] < reqCpu || _m.AllocMem[n] < reqMem)
                {
                    continue;
                }

                var needGpu = _s.UsedGpu[n] + reqGpu - _m.AllocGpu[n];
                var needCpu = _s.UsedCpu[n] + reqCpu - _m.AllocCpu[n];
                var needMem = _s.UsedMem[n] + reqMem - _m.AllocMem[n];
                if ((needGpu <= 0 && needCpu <= 0 && needMem <= 0) || (checkAnti && !_s.AntiAffinityAllows(w, n)))
                {
                    continue;
                }

                var candidate = pairs == 0
                    ? BestSingle(n, needGpu, needCpu, needMem)
                    : BestPair(n, needGpu, needCpu, needMem);
                if (candidate.First >= 0)
                {
                    Insert(best, ref count, candidate);
                }
            }
        }

        return count;
    }

    private EjectionCandidate BestSingle(int n, long needGpu, long needCpu, long needMem)
    {
        var replicas = _s.OnNode[n];
        var bestReplica = -1;
        var bestCost = double.MaxValue;
        for (var i = 0; i < replicas.Count; i++)
        {
            var e = replicas[i];
            if (_pinned[e] == _pinStamp)
            {
                continue;
            }

            var we = _m.ReplicaWorkload[e];
            if (_m.ReqGpu[we] < needGpu || _m.ReqCpu[we] < needCpu || _m.ReqMem[we] < needMem)
            {
                continue;
            }

            var cost = EjectCost(e, n);
            if (cost < bestCost)
            {
                bestCost = cost;
                bestReplica = e;
            }
        }

        return new EjectionCandidate(n, bestReplica, -1, bestCost);
    }

    private EjectionCandidate BestPair(int n, long needGpu, long needCpu, long needMem)
    {
        var replicas = _s.OnNode[n];
        var best = new EjectionCandidate(n, -1, -1, double.MaxValue);
        if (replicas.Count > MaxPairScan)
        {
            return best;
        }

        for (var i = 0; i < replicas.Count; i++)
        {
            var a = replicas[i];
            if (_pinned[a] == _pinStamp)
            {
                continue;
            }

            var wa = _m.ReplicaWorkload[a];
            for (var j = i + 1; j < replicas.Count; j++)
            {
                var b = replicas[j];
                if (_pinned[b] == _pinStamp)
                {
                    continue;
                }

                var wb = _m.ReplicaWorkload[b];
                if (_m.ReqGpu[wa] + _m.ReqGpu[wb] < needGpu || _m.ReqCpu[wa] + _m.ReqCpu[wb] < needCpu || _m.ReqMem[wa] + _m.ReqMem[wb] < needMem)
                {
                    continue;
                }

                var cost = EjectCost(a, n) + EjectCost(b, n) + PairPenalty;
                if (cost < best.Cost)
                {
                    best = new EjectionCandidate(n, a, b, cost);
                }
            }
        }

        return best;
    }

    /// <summary>Normalised size of the replica on the node (smaller is easier to re-place), plus a penalty for moving a current replica.</summary>
    private double EjectCost(int e, int n)
    {
        var we = _m.ReplicaWorkload[e];
        var cost = (_m.ReqGpu[we] * _m.InvGpu[n]) + (_m.ReqCpu[we] * _m.InvCpu[n]) + (_m.ReqMem[we] * _m.InvMem[n]);
        if (_m.CurrentNode[e] == n)
        {
            cost += MovePenalty;
        }

        if (_noise > 0)
        {
            cost *= 1 + (_noise * _random.NextDouble());
        }

        return cost;
    }

    private static void Insert(Span<EjectionCandidate> best, ref int count, EjectionCandidate candidate)
    {
        if (count == best.Length && candidate.Cost >= best[count - 1].Cost)
        {
            return;
        }

        var i = count < best.Length ? count++ : count - 1;
        while (i > 0 && best[i - 1].Cost > candidate.Cost)
        {
            best[i] = best[i - 1];
            i--;
        }

        best[i] = candidate;
    }

    /// <summary>
    /// Evicts strictly lower-priority replicas from the node where that takes the fewest victims (then the lowest
    /// highest victim priority, then the lowest priority sum), so r fits. Victims end up in <see cref="_bestVictims"/>.
    /// </summary>
    private bool TryPreempt(int r)
    {
        var w = _m.ReplicaWorkload[r];
        var priority = _m.Priority[w];
        _bestVictims.Clear();
        if (priority <= _lowestPriority)
        {
            return false;
        }

        var bestNode = -1;
        (int Count, int MaxPriority, long SumPriority, int Homes) bestKey = (int.MaxValue, int.MaxValue, long.MaxValue, int.MaxValue);
        _bestVictims.Clear();
        foreach (var n in _m.Feasible[w])
        {
            if (_m.AllocGpu[n] < _m.ReqGpu[w] || _m.AllocCpu[n] < _m.ReqCpu[w] || _m.AllocMem[n] < _m.ReqMem[w])
            {
                continue;
            }

            if (!VictimsOn(n, w, priority))
            {
                continue;
            }

            var key = (_victimBuffer.Count, int.MinValue, 0L, 0);
            foreach (var v in _victimBuffer)
            {
                var vp = _m.Priority[_m.ReplicaWorkload[v]];
                key.Item2 = Math.Max(key.Item2, vp);
                key.Item3 += vp;
                key.Item4 += _m.CurrentNode[v] == n ? 1 : 0;
            }

            if (key.CompareTo(bestKey) < 0)
            {
                bestKey = key;
                bestNode = n;
                _bestVictims.Clear();
                _bestVictims.AddRange(_victimBuffer);
            }
        }

        if (bestNode < 0)
        {
            return false;
        }

        foreach (var v in _bestVictims)
        {
            _s.Remove(v, Displacement.Preempted(r, bestNode));
        }

        _s.Place(r, bestNode);
        return true;
    }

    /// <summary>Fills <see cref="_victimBuffer"/> with a minimal set of lower-priority replicas on n whose eviction lets w fit.</summary>
    private bool VictimsOn(int n, int w, int priority)
    {
        _victimBuffer.Clear();
        _poolBuffer.Clear();
        if (!CouldPreemptOn(n, w, priority))
        {
            return false;
        }

        long freeGpu = _m.AllocGpu[n] - _s.UsedGpu[n];
        long freeCpu = _m.AllocCpu[n] - _s.UsedCpu[n];
        long freeMem = _m.AllocMem[n] - _s.UsedMem[n];
        long poolGpu = 0, poolCpu = 0, poolMem = 0;
        var conflicts = _m.Conflicts[w];
        foreach (var e in _s.OnNode[n])
        {
            var we = _m.ReplicaWorkload[e];
            var lower = _m.Priority[we] < priority;
            var mandatory = conflicts.Length > 0 && Array.BinarySearch(conflicts, we) >= 0;
            if (mandatory && !lower)
            {
                return false;
            }

            if (!lower)
            {
                continue;
            }

            poolGpu += _m.ReqGpu[we];
            poolCpu += _m.ReqCpu[we];
            poolMem += _m.ReqMem[we];
            if (mandatory)
            {
                _victimBuffer.Add(e);
                freeGpu += _m.ReqGpu[we];
                freeCpu += _m.ReqCpu[we];
                freeMem += _m.ReqMem[we];
            }
            else
            {
                _poolBuffer.Add(e);
            }
        }

        if (_poolBuffer.Count == 0 && _victimBuffer.Count == 0)
        {
            return false;
        }

        var reqGpu = _m.ReqGpu[w];
        var reqCpu = _m.ReqCpu[w];
        var reqMem = _m.ReqMem[w];
        var allGpu = _m.AllocGpu[n] - _s.UsedGpu[n] + poolGpu;
        var allCpu = _m.AllocCpu[n] - _s.UsedCpu[n] + poolCpu;
        var allMem = _m.AllocMem[n] - _s.UsedMem[n] + poolMem;
        if (allGpu < reqGpu || allCpu < reqCpu || allMem < reqMem)
        {
            return false;
        }

        // Lowest priority first, larger first (fewer victims), then id for determinism.
        _poolBuffer.Sort((a, b) =>
        {
            var wa = _m.ReplicaWorkload[a];
            var wb = _m.ReplicaWorkload[b];
            var byPriority = _m.Priority[wa].CompareTo(_m.Priority[wb]);
            if (byPriority != 0)
            {
                return byPriority;
            }

            var bySize = Size(wb, n).CompareTo(Size(wa, n));
            return bySize != 0 ? bySize : a.CompareTo(b);
        });
        var firstOptional = _victimBuffer.Count;
        foreach (var e in _poolBuffer)
        {
            if (freeGpu >= reqGpu && freeCpu >= reqCpu && freeMem >= reqMem)
            {
                break;
            }

            var we = _m.ReplicaWorkload[e];
            _victimBuffer.Add(e);
            freeGpu += _m.ReqGpu[we];
            freeCpu += _m.ReqCpu[we];
            freeMem += _m.ReqMem[we];
        }

        // Reprieve: give back optional victims, highest priority first, while r still fits.
        for (var i = _victimBuffer.Count - 1; i >= firstOptional; i--)
        {
            var we = _m.ReplicaWorkload[_victimBuffer[i]];
            if (freeGpu - _m.ReqGpu[we] >= reqGpu && freeCpu - _m.ReqCpu[we] >= reqCpu && freeMem - _m.ReqMem[we] >= reqMem)
            {
                freeGpu -= _m.ReqGpu[we];
                freeCpu -= _m.ReqCpu[we];
                freeMem -= _m.ReqMem[we];
                _victimBuffer.RemoveAt(i);
            }
        }

        return _victimBuffer.Count > 0;
    }

    /// <summary>Cheap test before <see cref="VictimsOn"/> builds lists: would evicting every lower-priority replica make room?</summary>
    private bool CouldPreemptOn(int n, int w, int priority)
    {
        long gpu = _m.AllocGpu[n] - _s.UsedGpu[n];
        long cpu = _m.AllocCpu[n] - _s.UsedCpu[n];
        long mem = _m.AllocMem[n] - _s.UsedMem[n];
        var any = false;
        var conflicts = _m.Conflicts[w];
        var replicas = _s.OnNode[n];
        for (var i = 0; i < replicas.Count; i++)
        {
            var we = _m.ReplicaWorkload[replicas[i]];
            if (_m.Priority[we] < priority)
            {
                gpu += _m.ReqGpu[we];
                cpu += _m.ReqCpu[we];
                mem += _m.ReqMem[we];
                any = true;
            }
            else if (conflicts.Length > 0 && Array.BinarySearch(conflicts, we) >= 0)
            {
                return false;
            }
        }

        return any && gpu >= _m.ReqGpu[w] && cpu >= _m.ReqCpu[w] && mem >= _m.ReqMem[w];
    }

    private double Size(int w, int n) => (_m.ReqGpu[w] * _m.InvGpu[n]) + (_m.ReqCpu[w] * _m.InvCpu[n]) + (_m.ReqMem[w] * _m.InvMem[n]);

    private void FillDirect()
    {
        for (var r = 0; r < _m.ReplicaCount; r++)
        {
            if (_s.NodeOf[r] < 0 && _m.CanEverFit[_m.ReplicaWorkload[r]])
            {
                PlaceDirect(r);
            }
        }
    }

    /// <summary>
    /// Best-fit placement of one replica. Replicas of a workload are interchangeable (except for their current node),
    /// so once one found no room, the others are skipped until something is removed from a node.
    /// </summary>
    private bool PlaceDirect(int r)
    {
        var w = _m.ReplicaWorkload[r];
        if (_m.CurrentNode[r] < 0 && _noFitAt[w] == _s.Removals)
        {
            return false;
        }

        var node = BestFitNode(r, -1);
        if (node < 0)
        {
            if (_m.CurrentNode[r] < 0)
            {
                _noFitAt[w] = _s.Removals;
            }

            return false;
        }

        _s.Place(r, node);
        return true;
    }

    /// <summary>
    /// Not bound by the deadline: until nothing changes, every unplaced replica tries preemption once more and freed
    /// room is refilled. Afterwards no unplaced replica fits on any node even by evicting every replica of strictly
    /// lower priority there (the Kubernetes guarantee), and none fits directly.
    /// </summary>
    private void FinalPreemption()
    {
        var unplaced = new List<int>();
        for (var round = 0; round < 64; round++)
        {
            unplaced.Clear();
            for (var r = 0; r < _m.ReplicaCount; r++)
            {
                if (_s.NodeOf[r] < 0 && _m.CanEverFit[_m.ReplicaWorkload[r]])
                {
                    unplaced.Add(r);
                }
            }

            unplaced.Sort(CompareOrder);
            _pass++;
            var changed = false;
            foreach (var r in unplaced)
            {
                var w = _m.ReplicaWorkload[r];
                if (_s.NodeOf[r] >= 0 || _failedInPass[w] == _pass)
                {
                    continue;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                if (TryPreempt(r))
                {
                    foreach (var victim in _bestVictims)
                    {
                        var node = BestFitNode(victim, -1);
                        if (node >= 0)
                        {
                            _s.Place(victim, node);
                        }
                    }

                    changed = true;
                    _pass++;
                }
                else
                {
                    _failedInPass[w] = _pass;
                }
            }

            FillDirect();
            if (!changed)
            {
                return;
            }
        }
    }

    /// <summary>Moved current replicas go back to their current node when it accepts them again (fewer moves).</summary>
    private void ReturnHome()
    {
        for (var r = 0; r < _m.ReplicaCount; r++)
        {
            var home = _m.CurrentNode[r];
            var at = _s.NodeOf[r];
            if (home < 0 || at == home || at < 0)
            {
                continue;
            }

            var w = _m.ReplicaWorkload[r];
            _s.Remove(r, default);
            _s.Place(r, _s.Failure(w, home) == FilterFailure.None ? home : at);
        }
    }

    /// <summary>Hill-climbs the soft score by moving replicas that are not on their current node (two sweeps at most).</summary>
    private void SoftImprove()
    {
        for (var sweep = 0; sweep < 2; sweep++)
        {
            var moved = false;
            var bufferedWorkload = -1;
            for (var r = 0; r < _m.ReplicaCount; r++)
            {
                var at = _s.NodeOf[r];
                if (at < 0 || _m.CurrentNode[r] == at)
                {
                    continue;
                }

                if ((r & 63) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    if (Expired)
                    {
                        return;
                    }
                }

                var w = _m.ReplicaWorkload[r];
                if (w != bufferedWorkload)
                {
                    // Replica ids of a workload are contiguous: the static part of its scores is computed once.
                    bufferedWorkload = w;
                    foreach (var n in _m.Feasible[w])
                    {
                        _scoreBuffer[n] = _m.Score(w, n, 0) - 0.15;
                    }
                }

                var reqGpu = _m.ReqGpu[w];
                var reqCpu = _m.ReqCpu[w];
                var reqMem = _m.ReqMem[w];
                var best = at;
                var bestScore = _m.Score(w, at, _s.UsedGpu[at]) + 1e-9;
                var checkAnti = _m.Conflicts[w].Length > 0;
                var feasible = _m.Feasible[w];
                var allocGpu = _m.AllocGpu;
                var usedGpu = _s.UsedGpu;

                // Large clusters: a window of SoftWindow feasible nodes from a random start (seeded) is enough to
                // find a cooler, emptier node, and keeps this phase linear in the replicas.
                var count = Math.Min(feasible.Length, SoftWindow);
                var start = feasible.Length > SoftWindow ? _random.Next(feasible.Length) : 0;
                for (var k = 0; k < count; k++)
                {
                    var i = start + k;
                    var n = feasible[i < feasible.Length ? i : i - feasible.Length];
                    var after = usedGpu[n] + reqGpu;
                    if (after > allocGpu[n] || n == at || _s.UsedCpu[n] + reqCpu > _m.AllocCpu[n] || _s.UsedMem[n] + reqMem > _m.AllocMem[n])
                    {
                        continue;
                    }

                    var score = _scoreBuffer[n] + (allocGpu[n] > 0 ? 0.15 * (1 - ((double)after / allocGpu[n])) : 0.15);
                    if (score > bestScore && (!checkAnti || _s.AntiAffinityAllows(w, n)))
                    {
                        best = n;
                        bestScore = score;
                    }
                }

                if (best != at)
                {
                    _s.Remove(r, default);
                    _s.Place(r, best);
                    moved = true;
                }
            }

            if (!moved)
            {
                return;
            }
        }
    }

    private void Enqueue(PriorityQueue<int, (double First, double Second, int Replica)> queue, int r)
    {
        var w = _m.ReplicaWorkload[r];
        queue.Enqueue(r, _sizeFirst ? (-_share[w], -_m.Priority[w], r) : (-_m.Priority[w], _share[w], r));
    }

    private int CompareOrder(int a, int b)
    {
        var wa = _m.ReplicaWorkload[a];
        var wb = _m.ReplicaWorkload[b];
        var byPriority = _m.Priority[wb].CompareTo(_m.Priority[wa]);
        if (byPriority != 0)
        {
            return byPriority;
        }

        // Everything may fit: hardest (largest) first. Oversubscribed: smallest first places the most replicas.
        var byShare = _sizeFirst ? _share[wb].CompareTo(_share[wa]) : _share[wa].CompareTo(_share[wb]);
        return byShare != 0 ? byShare : a.CompareTo(b);
    }

    /// <summary>
    /// Whether the total requests fit in the schedulable capacity, resource by resource. Then every replica may
    /// fit, and the constructive phase orders by size alone, largest first (best-fit-decreasing packs best);
    /// preemption in the repair phases restores the priority order. Otherwise replicas go by priority, and within a
    /// priority smallest first, which places the most replicas when not all can be placed.
    /// </summary>
    private static bool DemandFits(SolverModel model)
    {
        long gpu = 0, cpu = 0, mem = 0, capGpu = 0, capCpu = 0, capMem = 0;
        for (var w = 0; w < model.WorkloadCount; w++)
        {
            long replicas = model.FirstReplica[w + 1] - model.FirstReplica[w];
            gpu += model.ReqGpu[w] * replicas;
            cpu += model.ReqCpu[w] * replicas;
            mem += model.ReqMem[w] * replicas;
        }

        for (var n = 0; n < model.NodeCount; n++)
        {
            if (model.StaticNodeUsable(n))
            {
                capGpu += model.AllocGpu[n];
                capCpu += model.AllocCpu[n];
                capMem += model.AllocMem[n];
            }
        }

        return gpu <= capGpu && cpu <= capCpu && mem <= capMem;
    }

    /// <summary>Dominant share of each workload's request in the capacity of the nodes it may use.</summary>
    private static double[] ComputeShares(SolverModel model)
    {
        var capacity = new Dictionary<int[], (long Gpu, long Cpu, long Mem)>(ReferenceEqualityComparer.Instance);
        var shares = new double[model.WorkloadCount];
        for (var w = 0; w < model.WorkloadCount; w++)
        {
            var feasible = model.Feasible[w];
            if (!capacity.TryGetValue(feasible, out var cap))
            {
                foreach (var n in feasible)
                {
                    cap.Gpu += model.AllocGpu[n];
                    cap.Cpu += model.AllocCpu[n];
                    cap.Mem += model.AllocMem[n];
                }

                capacity.Add(feasible, cap);
            }

            shares[w] = Math.Max(Share(model.ReqGpu[w], cap.Gpu), Math.Max(Share(model.ReqCpu[w], cap.Cpu), Share(model.ReqMem[w], cap.Mem)));
        }

        return shares;
    }

    private static double Share(long request, long capacity) =>
        request <= 0 ? 0 : capacity <= 0 ? double.MaxValue : (double)request / capacity;
}
