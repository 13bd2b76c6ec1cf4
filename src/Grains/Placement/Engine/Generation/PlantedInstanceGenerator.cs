namespace Coordination.Placement.Engine;

/// <summary>
/// Generates benchmark instances with a planted feasible placement: nodes drawn from the Jetson profiles (with tier
/// and zone labels, some tainted, hot, not ready or cordoned), then for every schedulable node replicas planted to fill
/// 90–95 % of its GPU memory (and at most 85 % of CPU and memory) while respecting selectors, taints, self
/// anti-affinity and temperature limits. Replicas of equal shape share a workload; the workload order is shuffled,
/// and nodes are listed by name (all modules of a profile together, as <c>kubectl get nodes</c> lists them).
/// A full placement exists by construction; the same arguments always give the same instance.
/// </summary>
public static class PlantedInstanceGenerator
{
    private const string TaintKey = "dedicated";
    private const string TaintValue = "perception";
    private const double HotLimitC = 80.0;
    private const double MinLoad = 0.90;
    private const double MaxLoad = 0.95;
    private const double TaintedShare = 0.10;
    private const double TierSelectorShare = 0.25;
    private const double ExtraTolerationShare = 0.15;

    private static readonly (string Profile, double Weight)[] ProfileMix =
    [
        ("agx-orin-64gb", 0.10), ("agx-orin-32gb", 0.10), ("agx-xavier", 0.05),
        ("orin-nx-16gb", 0.20), ("orin-nx-8gb", 0.15), ("xavier-nx", 0.10),
        ("orin-nano-8gb", 0.15), ("orin-nano-4gb", 0.10), ("nano", 0.05),
    ];

    /// <summary>Generates an instance of <paramref name="nodes"/> nodes and exactly <paramref name="replicas"/> replicas.</summary>
    public static PlantedInstance Generate(int nodes, int replicas, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        var random = new Random(seed);
        var nodeList = new List<PlacementNode>(nodes);
        var tiers = new int[nodes];
        var tainted = new bool[nodes];
        var temperature = new double[nodes];
        var targets = new long[nodes];
        long usableGpu = 0;

        // Nodes are listed by name, as `kubectl get nodes` lists them: all modules of a profile together.
        var profiles = new JetsonProfile[nodes];
        for (var n = 0; n < nodes; n++)
        {
            profiles[n] = PickProfile(random);
        }

        Array.Sort(profiles, (a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (var n = 0; n < nodes; n++)
        {
            var profile = profiles[n];
            tiers[n] = (int)profile.Tier;
            tainted[n] = random.NextDouble() < TaintedShare;
            temperature[n] = Math.Round(35 + (random.NextDouble() * 50), 1);
            var ready = n == 0 || random.NextDouble() >= 0.01;
            var unschedulable = n != 0 && random.NextDouble() < 0.01;
            var budget = profile.MaxPowerWatts;
            var tier = JetsonProfiles.TierName(profile.Tier);
            nodeList.Add(new PlacementNode($"{profile.Id}-{n:D4}")
            {
                Profile = profile.Id,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [JetsonProfiles.ProfileLabel] = profile.Id,
                    [JetsonProfiles.TierLabel] = tier,
                    ["zone"] = $"dock-{(char)('a' + random.Next(5))}",
                },
                Taints = tainted[n] ? [new Taint(TaintKey, TaintValue, TaintEffect.NoSchedule)] : [],
                Allocatable = profile.Allocatable,
                Ready = ready,
                Unschedulable = unschedulable,
                Telemetry = new NodeTelemetry(
                    GpuUtilization: Math.Round(random.NextDouble() * 0.9, 2),
                    TemperatureC: temperature[n],
                    PowerWatts: Math.Round(budget * (0.2 + (random.NextDouble() * 0.7)), 1),
                    PowerBudgetWatts: budget),
            });
            if (ready && !unschedulable)
            {
                usableGpu += profile.Allocatable.GpuMemoryMiB;
                targets[n] = (long)(profile.Allocatable.GpuMemoryMiB * (MinLoad + (random.NextDouble() * (MaxLoad - MinLoad))));
            }
        }

        // Replicas per node grow with the square root of its memory: larger modules host both more and larger replicas.
        var slotWeights = targets.Select(t => (long)(Math.Sqrt(t) * 1000)).ToArray();
        var slots = SplitProportionally(slotWeights, replicas);
        var catalog = new List<PlantedCatalogEntry>();
        var bySize = new List<(long Gpu, int Id)>();
        var byExactSize = new Dictionary<long, List<int>>();
        long plantedGpu = 0;
        for (var n = 0; n < nodes; n++)
        {
            var k = slots[n];
            if (k == 0)
            {
                continue;
            }

            var node = nodeList[n];
            var remainingGpu = targets[n];
            var remainingCpu = node.Allocatable.CpuMillicores * 85 / 100;
            var remainingMem = node.Allocatable.MemoryMiB * 85 / 100;
            var minSize = Math.Max(1, Math.Min(64, targets[n] / (2L * k)));
            for (var i = 0; i < k; i++)
            {
                var left = k - i;
                int chosen;
                if (left == 1)
                {
                    chosen = FindExact(catalog, byExactSize, remainingGpu, remainingCpu, remainingMem, n, tiers, tainted, temperature);
                    if (chosen < 0)
                    {
                        chosen = Create(catalog, bySize, byExactSize, random, Math.Max(0, remainingGpu), remainingCpu, remainingMem, n, tiers, tainted, temperature);
                    }
                }
                else
                {
                    var max = Math.Max(0, remainingGpu - ((left - 1) * minSize));
                    var target = (long)(remainingGpu / (double)left * (0.5 + random.NextDouble()));
                    target = Math.Clamp(target, Math.Min(minSize, max), max);
                    chosen = FindNear(catalog, bySize, target, max, remainingCpu, remainingMem, n, tiers, tainted, temperature);
                    if (chosen < 0)
                    {
                        var size = Math.Clamp(target / 16 * 16, Math.Min(minSize, max), max);
                        chosen = Create(catalog, bySize, byExactSize, random, size, remainingCpu / left, remainingMem / left, n, tiers, tainted, temperature);
                    }
                }

                var workload = catalog[chosen];
                workload.Nodes.Add(n);
                remainingGpu -= workload.Gpu;
                remainingCpu -= workload.Cpu;
                remainingMem -= workload.Mem;
                plantedGpu += workload.Gpu;
            }
        }

        // Shuffle the workload order so input order carries no hint of the planted placement.
        var order = Enumerable.Range(0, catalog.Count).ToArray();
        random.Shuffle(order);
        var workloads = new List<PlacementWorkload>(catalog.Count);
        var planted = new List<ReplicaAssignment>(replicas);
        foreach (var id in order)
        {
            var c = catalog[id];
            var name = $"wl-{id:D5}";
            workloads.Add(new PlacementWorkload(name)
            {
                Replicas = c.Nodes.Count,
                Priority = c.Priority,
                Requests = new Resources(c.Gpu, c.Cpu, c.Mem),
                NodeSelector = c.Tier >= 0
                    ? new Dictionary<string, string>(StringComparer.Ordinal) { [JetsonProfiles.TierLabel] = JetsonProfiles.TierName((JetsonTier)c.Tier) }
                    : new Dictionary<string, string>(StringComparer.Ordinal),
                Tolerations = c.Tolerates ? [new Toleration(TaintKey, TolerationOperator.Equal, TaintValue, TaintEffect.NoSchedule)] : [],
                AntiAffinity = c.SelfAnti ? [name] : [],
                MaxTemperatureC = c.MaxTemperature,
            });
            for (var i = 0; i < c.Nodes.Count; i++)
            {
                planted.Add(new ReplicaAssignment(name, i, nodeList[c.Nodes[i]].Name));
            }
        }

        var load = usableGpu > 0 ? (double)plantedGpu / usableGpu : 0;
        return new PlantedInstance(new PlacementProblem(nodeList, workloads), planted, load);
    }

    private static JetsonProfile PickProfile(Random random)
    {
        var x = random.NextDouble();
        foreach (var (id, weight) in ProfileMix)
        {
            x -= weight;
            if (x < 0)
            {
                JetsonProfiles.TryGet(id, out var found);
                return found;
            }
        }

        JetsonProfiles.TryGet(ProfileMix[^1].Profile, out var last);
        return last;
    }

    /// <summary>Splits <paramref name="total"/> into integer parts proportional to the weights (largest remainder).</summary>
    private static int[] SplitProportionally(long[] weights, int total)
    {
        var parts = new int[weights.Length];
        var sum = weights.Sum();
        if (sum == 0 || total == 0)
        {
            return parts;
        }

        var remainders = new (double Remainder, int Index)[weights.Length];
        var assigned = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = (double)weights[i] * total / sum;
            parts[i] = (int)Math.Floor(exact);
            assigned += parts[i];
            remainders[i] = (exact - parts[i], i);
        }

        Array.Sort(remainders, (a, b) => b.Remainder != a.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Index.CompareTo(b.Index));
        for (var i = 0; assigned < total; i = (i + 1) % remainders.Length)
        {
            if (weights[remainders[i].Index] > 0)
            {
                parts[remainders[i].Index]++;
                assigned++;
            }
        }

        return parts;
    }

    private static bool Compatible(PlantedCatalogEntry c, int n, int[] tiers, bool[] tainted, double[] temperature) =>
        (c.Tier < 0 || c.Tier == tiers[n])
        && (!tainted[n] || c.Tolerates)
        && (c.MaxTemperature is not { } max || temperature[n] <= max)
        && (!c.SelfAnti || c.Nodes.Count == 0 || c.Nodes[^1] != n);

    private static int FindNear(List<PlantedCatalogEntry> catalog, List<(long Gpu, int Id)> bySize, long target, long max, long cpu, long mem, int n, int[] tiers, bool[] tainted, double[] temperature)
    {
        var start = bySize.BinarySearch((target, -1));
        if (start < 0)
        {
            start = ~start;
        }

        var low = (long)(target * 0.8);
        var high = Math.Min(max, (long)(target * 1.2));
        int down = start - 1, up = start;
        for (var step = 0; step < 64; step++)
        {
            var upOk = up < bySize.Count && bySize[up].Gpu <= high;
            var downOk = down >= 0 && bySize[down].Gpu >= low;
            if (!upOk && !downOk)
            {
                break;
            }

            var useUp = upOk && (!downOk || bySize[up].Gpu - target <= target - bySize[down].Gpu);
            var id = useUp ? bySize[up++].Id : bySize[down--].Id;
            var c = catalog[id];
            if (c.Cpu <= cpu && c.Mem <= mem && Compatible(c, n, tiers, tainted, temperature))
            {
                return id;
            }
        }

        return -1;
    }

    private static int FindExact(List<PlantedCatalogEntry> catalog, Dictionary<long, List<int>> byExactSize, long gpu, long cpu, long mem, int n, int[] tiers, bool[] tainted, double[] temperature)
    {
        if (byExactSize.TryGetValue(gpu, out var ids))
        {
            foreach (var id in ids)
            {
                var c = catalog[id];
                if (c.Cpu <= cpu && c.Mem <= mem && Compatible(c, n, tiers, tainted, temperature))
                {
                    return id;
                }
            }
        }

        return -1;
    }

    private static int Create(List<PlantedCatalogEntry> catalog, List<(long Gpu, int Id)> bySize, Dictionary<long, List<int>> byExactSize, Random random, long gpu, long cpuCap, long memCap, int n, int[] tiers, bool[] tainted, double[] temperature)
    {
        var cpu = Math.Clamp((long)(gpu * (0.05 + (random.NextDouble() * 0.10)) / 10 * 10), 0, Math.Max(0, cpuCap));
        var mem = Math.Clamp((long)(gpu * (0.2 + (random.NextDouble() * 0.3))), 0, Math.Max(0, memCap));
        var x = random.NextDouble();
        var c = new PlantedCatalogEntry
        {
            Gpu = gpu,
            Cpu = cpu,
            Mem = mem,
            Tier = random.NextDouble() < TierSelectorShare ? tiers[n] : -1,
            Tolerates = tainted[n] || random.NextDouble() < ExtraTolerationShare,
            MaxTemperature = temperature[n] <= HotLimitC && random.NextDouble() < 0.3 ? HotLimitC : null,
            SelfAnti = random.NextDouble() < 0.25,
            Priority = x < 0.5 ? 0 : x < 0.8 ? 10 : 100,
        };
        var id = catalog.Count;
        catalog.Add(c);
        var at = bySize.BinarySearch((gpu, id));
        bySize.Insert(at < 0 ? ~at : at, (gpu, id));
        if (!byExactSize.TryGetValue(gpu, out var ids))
        {
            ids = [];
            byExactSize.Add(gpu, ids);
        }

        ids.Add(id);
        return id;
    }
}
