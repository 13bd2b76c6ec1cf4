using Coordination.Placement;

namespace Coordination.Nodes;

/// <summary>
/// The Jetson modules the platform knows (NVIDIA datasheet figures as collected in the team's profile reference):
/// GPU cores, INT8 TOPS, CPU, memory and power modes, with the platform's tier of each.
/// </summary>
public static class HardwareProfileCatalog
{
    private const long GiB = 1024;

    public static IReadOnlyList<HardwareProfile> All { get; } =
    [
        new("agx-orin-64gb", "Jetson AGX Orin 64GB", NodeTier.HighPerformance, 2048, 64, 275, 12, "Cortex-A78AE", 64 * GiB, [15, 60]),
        new("agx-orin-32gb", "Jetson AGX Orin 32GB", NodeTier.HighPerformance, 1792, 56, 200, 8, "Cortex-A78AE", 32 * GiB, [15, 40]),
        new("orin-nx-16gb", "Jetson Orin NX 16GB", NodeTier.Balanced, 1024, 32, 100, 8, "Cortex-A78AE", 16 * GiB, [10, 25]),
        new("orin-nx-8gb", "Jetson Orin NX 8GB", NodeTier.Balanced, 1024, 32, 70, 6, "Cortex-A78AE", 8 * GiB, [10, 20]),
        new("orin-nano-8gb", "Jetson Orin Nano 8GB", NodeTier.Edge, 1024, 32, 40, 6, "Cortex-A78AE", 8 * GiB, [7, 15, 25]),
        new("orin-nano-4gb", "Jetson Orin Nano 4GB", NodeTier.Edge, 512, 16, 20, 6, "Cortex-A78AE", 4 * GiB, [7, 10]),
        new("xavier-nx", "Jetson Xavier NX", NodeTier.Balanced, 384, 48, 21, 6, "Carmel", 8 * GiB, [10, 15, 20]),
        new("agx-xavier", "Jetson AGX Xavier", NodeTier.HighPerformance, 512, 64, 32, 8, "Carmel", 32 * GiB, [10, 15, 30]),
        new("nano", "Jetson Nano", NodeTier.Edge, 128, 0, 0.47, 4, "Cortex-A57", 4 * GiB, [5, 10]),
    ];

    public static HardwareProfile? Find(string? id) =>
        id is null ? null : All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    public static string KnownIds => string.Join(", ", All.Select(p => p.Id));
}
