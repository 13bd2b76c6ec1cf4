namespace Coordination.Placement;

/// <summary>What a node agent declares about its node.</summary>
/// <param name="ProfileId">A Jetson profile id of the catalog, e.g. <c>agx-orin-64gb</c>.</param>
/// <param name="Zone">Site zone of the node; may be empty.</param>
/// <param name="Labels">Kubernetes labels worth passing on to placement; may be empty.</param>
/// <param name="PowerBudgetWatts">The power mode's budget; <c>null</c> takes the profile's highest mode.</param>
[GenerateSerializer]
[Immutable]
[Alias("Coordination.ComputeNodeRegistration")]
public sealed record ComputeNodeRegistration(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] string Zone,
    [property: Id(2)] IReadOnlyDictionary<string, string> Labels,
    [property: Id(3)] double? PowerBudgetWatts = null);
