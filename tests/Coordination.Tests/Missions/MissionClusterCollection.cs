namespace Coordination.Tests.Missions;

[CollectionDefinition(Name)]
public sealed class MissionClusterCollection : ICollectionFixture<MissionClusterFixture>
{
    public const string Name = "missions-cluster";
}
