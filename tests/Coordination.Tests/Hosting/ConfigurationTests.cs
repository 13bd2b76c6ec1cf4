using Coordination.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace Coordination.Tests.Hosting;

public sealed class ConfigurationTests
{
    private static CoordinationOptions Read(Dictionary<string, string?> values, Dictionary<string, string>? env = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(kv => "Coordination:" + kv.Key, kv => kv.Value))
            .Build();
        return CoordinationOptionsReader.Read(configuration, name => env is not null && env.TryGetValue(name, out var v) ? v : null);
    }

    [Fact]
    public void DefaultsAreTheEmbeddedSetup()
    {
        var options = Read([]);
        Assert.Equal(ClusteringKind.Localhost, options.Clustering);
        Assert.Equal(StorageKind.Memory, options.Storage);
        Assert.Equal(11111, options.SiloPort);
        Assert.Equal(30000, options.GatewayPort);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ShutdownTimeout);
        Assert.Null(options.AdvertisedAddress);
        Assert.False(options.UseKubernetesHosting);
    }

    [Fact]
    public void EveryBadSettingIsReportedAtOnceByName()
    {
        var e = Assert.Throws<CoordinationConfigurationException>(() => Read(new()
        {
            ["Clustering"] = "Zookeeper",
            ["SiloPort"] = "70000",
            ["Storage"] = "Redis",
            ["Redis"] = "127.0.0.1:6379,bogusKeyword=1",
            ["ShutdownTimeout"] = "soon",
        }));
        Assert.Contains(e.Problems, p => p.StartsWith("Coordination:Clustering: unknown value 'Zookeeper'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("Coordination:SiloPort: '70000' is out of range", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("Coordination:Redis: not a Redis connection string", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("Coordination:ShutdownTimeout:", StringComparison.Ordinal));
        Assert.Equal(4, e.Problems.Count);
    }

    [Fact]
    public void RedisKindsNeedAConnectionString()
    {
        var e = Assert.Throws<CoordinationConfigurationException>(() => Read(new() { ["Clustering"] = "Redis" }));
        Assert.Equal(["Coordination:Redis: required when Clustering or Storage is Redis"], e.Problems);
    }

    [Fact]
    public void NumericEnumValuesAreNotAccepted()
    {
        var e = Assert.Throws<CoordinationConfigurationException>(() => Read(new() { ["Storage"] = "1" }));
        Assert.Single(e.Problems);
    }

    [Fact]
    public void InAPodTheSiloAdvertisesThePodIpAndTakesThePodName()
    {
        var options = Read(
            new() { ["Clustering"] = "Redis", ["Redis"] = "redis:6379", ["RedisPassword"] = "s3cret" },
            new() { ["POD_IP"] = "10.1.2.3", ["POD_NAME"] = "coordination-silo-abc", ["POD_NAMESPACE"] = "coordination", ["NODE_NAME"] = "agx-01" });
        Assert.Equal("10.1.2.3", options.AdvertisedAddress!.ToString());
        Assert.True(options.ListenOnAnyHostAddress);
        Assert.Equal("coordination-silo-abc", options.SiloName);
        Assert.Equal("agx-01", options.NodeName);
        Assert.Equal("s3cret", options.Redis!.Password);
    }

    [Fact]
    public void ABadPodIpIsNamed()
    {
        var e = Assert.Throws<CoordinationConfigurationException>(() => Read([], new() { ["POD_IP"] = "not-an-ip" }));
        Assert.Equal(["POD_IP: 'not-an-ip' is not an IP address"], e.Problems);
    }
}
