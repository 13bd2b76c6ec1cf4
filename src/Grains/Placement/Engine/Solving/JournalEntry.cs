namespace Coordination.Placement.Engine;

/// <summary>One undoable change of <see cref="PlacementState"/>.</summary>
internal readonly record struct JournalEntry(bool Placed, int Replica, int Node, Displacement Previous);
