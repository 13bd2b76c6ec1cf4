namespace Coordination.Placement.Engine;

/// <summary>Renders <see cref="PlacementEngine.Explain"/> as a plain aligned table, one block per replica.</summary>
public static class ExplanationTable
{
    /// <summary>Writes the table.</summary>
    public static void Write(IReadOnlyList<ReplicaExplanation> explanations, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(explanations);
        ArgumentNullException.ThrowIfNull(writer);
        var nodeWidth = 4;
        foreach (var explanation in explanations)
        {
            foreach (var verdict in explanation.Nodes)
            {
                nodeWidth = Math.Max(nodeWidth, verdict.Node.Length);
            }
        }

        foreach (var explanation in explanations)
        {
            writer.WriteLine($"{explanation.Workload} replica {explanation.Replica}: {(explanation.Node is { } node ? "-> " + node : "unscheduled")}");
            writer.WriteLine($"  {"node".PadRight(nodeWidth)}  {"score",5}  verdict");
            foreach (var verdict in explanation.Nodes)
            {
                var score = verdict.Score is { } s ? s.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "-";
                var mark = verdict.Assigned ? "*" : " ";
                writer.WriteLine($"{mark} {verdict.Node.PadRight(nodeWidth)}  {score,5}  {verdict.Verdict}");
            }

            writer.WriteLine();
        }
    }
}
