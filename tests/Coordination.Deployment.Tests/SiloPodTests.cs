using Coordination.Deployment.Tests.Rendering;
using Coordination.Deployment.Tests.Rules;

namespace Coordination.Deployment.Tests;

/// <summary>Spot checks of the rendered silo pods, readable next to the rules that cover them all.</summary>
public sealed class SiloPodTests(RenderedOverlays rendered)
{
    [Fact]
    public void DevRunsOneSiloPodThatIsAlsoTheScheduler()
    {
        var manifests = rendered[Overlays.Dev];

        var silo = Assert.Single(manifests.Workloads, SiloRules.IsSilo);
        var env = EffectiveEnvironment.Of(SiloRules.SiloContainer(silo)!, silo.Namespace, manifests);
        Assert.Equal(1, silo.Replicas);
        Assert.Equal("scheduler", env[SiloSettings.Roles].Literal);
        Assert.Equal("true", env[SiloSettings.Actuator].Literal);
        Assert.Equal(SiloSettings.SchedulerServiceAccount, silo.Pod.ServiceAccountName);
        Assert.Equal("Redis", env[SiloSettings.Clustering].Literal);
    }

    [Theory]
    [InlineData(Overlays.Base, "coordination-silo")]
    [InlineData(Overlays.Base, "coordination-scheduler")]
    [InlineData(Overlays.Jetson, "coordination-silo-edge")]
    public void SiloPodGetsConfigurationFromConfigMapAndPodIdentityFromDownwardApi(string overlay, string workload)
    {
        var manifests = rendered[overlay];
        var silo = manifests.FindWorkload(workload)!;

        var env = EffectiveEnvironment.Of(SiloRules.SiloContainer(silo)!, silo.Namespace, manifests);

        Assert.Equal("11111", env[SiloSettings.SiloPortSetting].Literal);
        Assert.Equal("30000", env[SiloSettings.GatewayPortSetting].Literal);
        Assert.StartsWith("ConfigMap coordination-silo-config", env[SiloSettings.SiloPortSetting].Origin, StringComparison.Ordinal);
        Assert.Equal("status.podIP", env["POD_IP"].FieldPath);
        Assert.Equal("spec.nodeName", env["NODE_NAME"].FieldPath);
        Assert.Equal(("coordination-redis", "password"), (env[SiloSettings.RedisPassword].SecretName, env[SiloSettings.RedisPassword].SecretKey));
        Assert.True(silo.Pod.TerminationGracePeriodSeconds > 30);
    }

    [Fact]
    public void EveryContainerInTheJetsonClusterHasRequestsProbesAndRunsAsNonRoot()
    {
        var containers = rendered[Overlays.Jetson].Workloads.SelectMany(w => w.AllContainers.Select(c => (w, c))).ToList();

        Assert.Equal(9, containers.Count);
        Assert.All(containers, x =>
        {
            Assert.NotNull(x.c.Resources.Requests["cpu"]);
            Assert.NotNull(x.c.Resources.Requests["memory"]);
            Assert.NotNull(x.c.ReadinessProbe);
            Assert.NotNull(x.c.LivenessProbe);
            Assert.True((x.c.SecurityContext?.RunAsNonRoot ?? x.w.Pod.SecurityContext?.RunAsNonRoot) == true, x.w.Id);
        });
    }
}
