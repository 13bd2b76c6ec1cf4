using Coordination.Deployment.Tests.Rendering;
using k8s;
using k8s.Models;

namespace Coordination.Deployment.Tests;

public sealed class RenderTests(RenderedOverlays rendered)
{
    public static TheoryData<string> AllKustomizations => [.. Overlays.All];

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void RendersAndLoadsAsTypedObjects(string overlay)
    {
        var manifests = rendered[overlay];

        Assert.NotEmpty(manifests.Objects);
        Assert.All(manifests.Objects, o => Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(o));
        Assert.All(manifests.Objects.Cast<IKubernetesObject<V1ObjectMeta>>(), o => Assert.False(string.IsNullOrEmpty(o.Name()), $"{o.Kind} without a name"));
    }

    [Theory]
    [InlineData(Overlays.Dev)]
    [InlineData(Overlays.Jetson)]
    public void OverlaysBringRedisAndObservability(string overlay)
    {
        var manifests = rendered[overlay];

        Assert.NotNull(manifests.Find<V1StatefulSet>("coordination", "coordination-redis"));
        Assert.NotNull(manifests.Find<V1Deployment>("coordination", "jaeger"));
        Assert.NotNull(manifests.Find<V1Service>("coordination", "jaeger-collector"));
        Assert.NotNull(manifests.Find<V1Deployment>("coordination", "prometheus"));
        Assert.Contains(manifests.Of<V1ConfigMap>(), c => c.Name().StartsWith("coordination-grafana-dashboards-", StringComparison.Ordinal));
    }

    [Fact]
    public void BaseHoldsOnlyTheSilos()
    {
        var manifests = rendered[Overlays.Base];

        Assert.Equal(["coordination-scheduler", "coordination-silo"], manifests.Workloads.Select(w => w.Name).Order());
    }

    [Fact]
    public void RedisVolumeIsPersistent()
    {
        var redis = rendered[Overlays.Redis].Find<V1StatefulSet>("coordination", "coordination-redis")!;

        var claim = Assert.Single(redis.Spec.VolumeClaimTemplates);
        Assert.Contains(redis.Spec.Template.Spec.Containers[0].VolumeMounts, m => m.Name == claim.Name() && m.MountPath == "/data");
        Assert.Contains("--appendonly yes", redis.Spec.Template.Spec.Containers[0].Args[0], StringComparison.Ordinal);
    }

    [Fact]
    public void DevGeneratesTheRedisSecretAndJetsonLeavesItOut()
    {
        Assert.Contains(rendered[Overlays.Dev].Of<V1Secret>(), s => s.Name().StartsWith("coordination-redis", StringComparison.Ordinal));
        Assert.Empty(rendered[Overlays.Jetson].Of<V1Secret>());
    }
}
