namespace Coordination.Tests.Fleet;

[CollectionDefinition(Name)]
public sealed class FleetClusterCollection : ICollectionFixture<FleetClusterFixture>
{
    public const string Name = "fleet-cluster";
}
