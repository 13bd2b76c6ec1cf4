using Coordination.Simulation.Maps;

namespace Coordination.Simulation.Workload;

/// <summary>
/// Seeded missions: deliveries (pickup at one station, dropoff at another), patrols (2–4 points, 1–2 rounds)
/// and charges, submitted at a steady rate over the first two thirds of the run. The same seed gives the same
/// missions.
/// </summary>
public static class MissionGenerator
{
    public static IReadOnlyList<GeneratedMission> Generate(FloorLayout layout, int count, double seconds, int seed)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var random = new Random(unchecked((seed * 7919) + 17));
        var window = seconds * 2 / 3;
        var missions = new List<GeneratedMission>(count);
        for (var i = 0; i < count; i++)
        {
            var at = count <= 1 ? 0 : window * i / count;
            var roll = random.NextDouble();
            var priority = random.Next(3);
            var id = $"sim-{seed}-{i:D5}";
            if (roll < 0.7)
            {
                var pickup = layout.Stations[random.Next(layout.Stations.Count)];
                var dropoff = layout.Stations[random.Next(layout.Stations.Count)];
                while (dropoff == pickup && layout.Stations.Count > 1)
                {
                    dropoff = layout.Stations[random.Next(layout.Stations.Count)];
                }

                missions.Add(new GeneratedMission(id, "delivery", priority, at, [pickup, dropoff], 1));
            }
            else if (roll < 0.9)
            {
                var points = Enumerable.Range(0, 2 + random.Next(3))
                    .Select(_ => layout.PatrolPoints[random.Next(layout.PatrolPoints.Count)])
                    .Distinct()
                    .ToList();
                missions.Add(new GeneratedMission(id, "patrol", priority, at, points, 1 + random.Next(2)));
            }
            else
            {
                var charger = layout.Chargers[random.Next(layout.Chargers.Count)];
                missions.Add(new GeneratedMission(id, "charge", priority, at, [charger], 1));
            }
        }

        return missions;
    }
}
