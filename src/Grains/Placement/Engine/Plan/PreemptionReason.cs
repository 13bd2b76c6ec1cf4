using System.Globalization;
using System.Text.RegularExpressions;

namespace Coordination.Placement.Engine;

/// <summary>The eviction reason of a preemption: <c>preempted by W (priority P &gt; Q)</c>.</summary>
public static partial class PreemptionReason
{
    /// <summary>Formats the reason.</summary>
    public static string Format(string preemptor, int preemptorPriority, int victimPriority) =>
        string.Create(CultureInfo.InvariantCulture, $"preempted by {preemptor} (priority {preemptorPriority} > {victimPriority})");

    /// <summary>Parses a reason written by <see cref="Format"/>.</summary>
    public static bool TryParse(string reason, out string preemptor, out int preemptorPriority, out int victimPriority)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var match = Pattern().Match(reason);
        preemptor = match.Success ? match.Groups[1].Value : "";
        preemptorPriority = match.Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        victimPriority = match.Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        return match.Success;
    }

    [GeneratedRegex(@"^preempted by (.+) \(priority (-?\d+) > (-?\d+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
