namespace Coordination.Tests.World;

[CollectionDefinition(Name)]
public sealed class WorldClusterCollection : ICollectionFixture<WorldClusterFixture>
{
    public const string Name = "world-cluster";
}
