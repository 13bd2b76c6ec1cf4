using Coordination.Fleet;
using Coordination.Hosting;
using Coordination.Silo.Hosting;
using Coordination.Silo.Storage;
using Coordination.Tests.Infrastructure;
using MessagePack;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace Coordination.Tests.Hosting;

public sealed class RedisStorageTests
{
    [Fact]
    public async Task GrainStateInRedisIsMessagePackAndRoundTrips()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.InitializeAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCoordinationGrains();
            silo.AddCoordinationStorage(StorageKind.Redis, ConfigurationOptions.Parse(redis.ConnectionString));
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync(ct);

        var id = TestKeys.New("robot");
        var registration = new RobotRegistration("amr-500", ["lift"], "/amr", "warehouse", 1.5, "dock-a");
        await cluster.Client.GetGrain<IRobotGrain>(id).Register(registration);

        var server = redis.Connection!.GetServer(redis.Connection.GetEndPoints()[0]);
        var key = server.Keys(pattern: $"*{id}*").Single();
        var db = redis.Connection.GetDatabase();
        Assert.Equal(RedisType.Hash, await db.KeyTypeAsync(key));
        var fields = await db.HashGetAllAsync(key);
        byte[] bytes = (byte[])fields.Single(e => e.Name == "data").Value!;

        // MessagePack, not JSON: a map header first, and MessagePack reads it back.
        Assert.NotEqual((byte)'{', bytes[0]);
        var json = MessagePackSerializer.ConvertToJson(bytes, MessagePackGrainStorageSerializer.Options, ct);
        Assert.Contains("\"amr-500\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Coordination.Fleet", json, StringComparison.Ordinal);

        var state = new MessagePackGrainStorageSerializer().Deserialize<RobotState>(new BinaryData(bytes));
        Assert.Equal(registration.Model, state.Registration!.Model);
        Assert.Equal(registration.Capabilities, state.Registration.Capabilities);
        Assert.Equal(RobotStatus.Idle, state.Status);

        // A new activation reads the same state back.
        await cluster.DeactivateAsync(cluster.Client.GetGrain<IRobotGrain>(id));
        Assert.Equal("dock-a", (await cluster.Client.GetGrain<IRobotGrain>(id).GetSummary())!.Zone);
        await cluster.StopAllSilosAsync(ct);
    }
}
