namespace Coordination.Placement.Engine;

/// <summary>A node where a replica fits once <see cref="First"/> (and <see cref="Second"/>, if not -1) are moved away.</summary>
internal readonly record struct EjectionCandidate(int Node, int First, int Second, double Cost);
