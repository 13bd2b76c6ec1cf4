using Coordination.Hosting;
using Coordination.Placement;
using Coordination.Silo.Hosting;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.World;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;

namespace Coordination.Tests.Placement;

/// <summary>
/// Where the placement grain activates in a three-silo cluster whose silos carry different <c>coordination.roles</c>
/// metadata: only on scheduler silos when there is one, anywhere when there is none. Activations are asked for from
/// every silo (placement is decided on the calling silo, which the default placement prefers), each with a fresh key.
/// </summary>
public sealed class SchedulerSiloPlacementFilterTests
{
    private const int KeysPerSilo = 4;

    [Fact]
    public async Task With_one_scheduler_silo_the_placement_grain_activates_only_there()
    {
        await using var cluster = await StartAsync(["robot", "Robot, Scheduler ", string.Empty]);
        var scheduler = Silo(cluster, 1);

        var hosts = await ActivateFromEverySiloAsync(cluster);

        Assert.All(hosts, h => Assert.Equal(scheduler, h));
    }

    [Fact]
    public async Task With_two_scheduler_silos_the_placement_grain_never_activates_on_the_other()
    {
        await using var cluster = await StartAsync(["scheduler", "robot", "scheduler,robot"]);
        SiloAddress[] schedulers = [Silo(cluster, 0), Silo(cluster, 2)];

        var hosts = await ActivateFromEverySiloAsync(cluster);

        Assert.DoesNotContain(Silo(cluster, 1), hosts);
        Assert.All(hosts, h => Assert.Contains(h, schedulers));
    }

    [Fact]
    public async Task With_no_scheduler_silo_the_placement_grain_activates_on_any_silo()
    {
        // "schedulers" and "scheduler-x" are not the role: a role is a whole comma-separated entry.
        await using var cluster = await StartAsync(["robot", "schedulers", "scheduler-x,robot"]);
        var silos = cluster.Silos.Select(s => s.SiloAddress).ToList();

        var hosts = await ActivateFromEverySiloAsync(cluster);

        Assert.All(hosts, h => Assert.Contains(h, silos));

        // The filter keeps every silo, whichever one asks.
        foreach (var silo in cluster.Silos)
        {
            var director = new SchedulerSiloPlacementFilterDirector(silo.ServiceProvider);
            Assert.All(silos, s => Assert.False(director.IsScheduler(s)));
            var kept = director.Filter(new SchedulerSiloPlacementFilterStrategy(), default, silos);
            Assert.Equal(silos.Order(), kept.Order());
        }
    }

    /// <summary>The address of silo <c>Silo_<paramref name="index"/></c> (the index in the roles given to <see cref="StartAsync"/>).</summary>
    private static SiloAddress Silo(InProcessTestCluster cluster, int index) =>
        cluster.Silos.Single(s => s.Name.EndsWith($"_{index}", StringComparison.Ordinal)).SiloAddress;

    /// <summary>A cluster whose silo <c>i</c> has metadata roles <paramref name="roles"/>[i]; returns once every silo knows every silo's roles.</summary>
    private static async Task<InProcessTestCluster> StartAsync(string[] roles)
    {
        var builder = new InProcessTestClusterBuilder((short)roles.Length);
        builder.ConfigureSilo((options, silo) =>
        {
            var index = int.Parse(options.SiloName[(options.SiloName.LastIndexOf('_') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            silo.AddCoordinationGrains();
            silo.AddCoordinationStorage(StorageKind.Memory, null);
            silo.Services.Configure<PlacementControllerOptions>(o => o.ReconcileInterval = TimeSpan.FromHours(1));
            silo.UseSiloMetadata(new Dictionary<string, string> { [SchedulerSiloPlacementFilterStrategy.RolesMetadataKey] = roles[index] });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync(TestContext.Current.CancellationToken);
        await cluster.WaitForLivenessToStabilizeAsync();
        await Eventually.Get(
            () => cluster.Silos.All(s => cluster.Silos.All(o =>
                s.ServiceProvider.GetRequiredService<ISiloMetadataCache>().GetSiloMetadata(o.SiloAddress).Metadata.ContainsKey(SchedulerSiloPlacementFilterStrategy.RolesMetadataKey))),
            known => known,
            "every silo knows every silo's roles");
        return cluster;
    }

    /// <summary>Activates placement grains of fresh keys through each silo's grain factory; returns the silo of each activation.</summary>
    private static async Task<List<SiloAddress>> ActivateFromEverySiloAsync(InProcessTestCluster cluster)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var hosts = new List<SiloAddress>();
        foreach (var silo in cluster.Silos)
        {
            var grains = silo.ServiceProvider.GetRequiredService<IGrainFactory>();
            for (var i = 0; i < KeysPerSilo; i++)
            {
                var grain = grains.GetGrain<IPlacementGrain>(TestKeys.New("cluster"));
                await grain.GetStatus();
                var host = await management.GetActivationAddress(grain);
                Assert.NotNull(host);
                hosts.Add(host);
            }
        }

        return hosts;
    }
}
