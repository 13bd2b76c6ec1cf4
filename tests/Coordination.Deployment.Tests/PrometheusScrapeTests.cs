using Coordination.Deployment.Tests.Rendering;
using Coordination.Deployment.Tests.Rules;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Coordination.Deployment.Tests;

public sealed class PrometheusScrapeTests(RenderedOverlays rendered)
{
    [Fact]
    public void PrometheusScrapesEverySiloThroughTheHeadlessServiceOnTheHttpPort()
    {
        var manifests = rendered[Overlays.Dev];
        var configMap = manifests.Of<V1ConfigMap>().Single(c => c.Name().StartsWith("prometheus-config", StringComparison.Ordinal));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(configMap.Data["prometheus.yml"]));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;

        var job = ((YamlSequenceNode)root["scrape_configs"]).Cast<YamlMappingNode>().Single(j => j["job_name"].ToString() == "coordination-silo");
        var discovery = (YamlMappingNode)((YamlSequenceNode)job["dns_sd_configs"]).Single();
        var service = manifests.Find<V1Service>("coordination", ((YamlSequenceNode)discovery["names"]).Single().ToString())!;

        Assert.Equal(SiloSettings.MetricsPath, job["metrics_path"].ToString());
        Assert.Equal(SiloSettings.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), discovery["port"].ToString());
        Assert.Equal("None", service.Spec.ClusterIP);
        Assert.Contains(service.Spec.Ports, p => p.Port == SiloSettings.HttpPort);
    }

    [Theory]
    [InlineData(Overlays.Base)]
    [InlineData(Overlays.Jetson)]
    public void SiloPodsCarryScrapeAnnotationsForTheHttpPort(string overlay)
    {
        var silos = rendered[overlay].Workloads.Where(SiloRules.IsSilo).ToList();

        Assert.NotEmpty(silos);
        Assert.All(silos, w =>
        {
            var annotations = w.Template.Metadata.Annotations;
            Assert.Equal("true", annotations["prometheus.io/scrape"]);
            Assert.Equal("8080", annotations["prometheus.io/port"]);
            Assert.Equal(SiloSettings.MetricsPath, annotations["prometheus.io/path"]);
        });
    }
}
