namespace Coordination.Allocation.Tests;

/// <summary>The lexicographic objective of an allocation: assigned count per priority (highest first), then cost.</summary>
internal sealed record Objective(int[] CountsByPriority, long Cost)
{
    /// <summary>Positive when this is better than <paramref name="other"/>.</summary>
    public int CompareTo(Objective other)
    {
        for (var i = 0; i < CountsByPriority.Length; i++)
        {
            if (CountsByPriority[i] != other.CountsByPriority[i])
            {
                return CountsByPriority[i].CompareTo(other.CountsByPriority[i]);
            }
        }

        return other.Cost.CompareTo(Cost);
    }

    public override string ToString() => $"counts [{string.Join(", ", CountsByPriority)}] cost {Cost}";
}
