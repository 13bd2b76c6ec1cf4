using System.Text.Json;
using Coordination.Deployment.Tests.Rendering;
using k8s.Models;

namespace Coordination.Deployment.Tests;

public sealed class DashboardTests(RenderedOverlays rendered)
{
    /// <summary>The fleet KPIs (as in the simulate report) that the dashboard must chart.</summary>
    public static TheoryData<string> Kpis =>
    [
        "coordination_missions_completed_total", "coordination_missions_failed_total", "coordination_missions_lost_total",
        "coordination_tasks_completed_total", "coordination_assignment_latency_ms_bucket", "coordination_planning_time_ms_bucket",
        "coordination_collisions_total", "coordination_placement_decisions_total", "coordination_pod_evictions_total",
        "coordination_grain_migrations_total", "coordination_recovery_seconds", "coordination_node_ready",
        "coordination_node_gpu_utilization", "coordination_robots_online",
    ];

    private JsonElement Dashboard()
    {
        var configMap = rendered[Overlays.Observability].Of<V1ConfigMap>().Single(c => c.Name().StartsWith("coordination-grafana-dashboards", StringComparison.Ordinal));
        Assert.Equal("1", configMap.Labels()["grafana_dashboard"]);
        using var document = JsonDocument.Parse(configMap.Data["fleet-kpis.json"]);
        return document.RootElement.Clone();
    }

    private IEnumerable<string> Expressions() =>
        Dashboard().GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!);

    [Fact]
    public void DashboardParsesWithUniquePanelsThatAllQueryPrometheus()
    {
        var dashboard = Dashboard();
        var panels = dashboard.GetProperty("panels").EnumerateArray().ToList();

        Assert.Equal("coordination-fleet-kpis", dashboard.GetProperty("uid").GetString());
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(panels, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("title").GetString()));
            Assert.Equal("${datasource}", p.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.NotEmpty(p.GetProperty("targets").EnumerateArray());
        });
        Assert.Contains(dashboard.GetProperty("templating").GetProperty("list").EnumerateArray(), v => v.GetProperty("name").GetString() == "datasource");
    }

    [Fact]
    public void EveryQueryHasBalancedBrackets()
    {
        Assert.All(Expressions(), expr =>
        {
            var depth = new Stack<char>();
            foreach (var c in expr)
            {
                switch (c)
                {
                    case '(' or '[' or '{':
                        depth.Push(c);
                        break;
                    case ')' or ']' or '}':
                        Assert.True(depth.Count > 0 && depth.Pop() == c switch { ')' => '(', ']' => '[', _ => '{' }, expr);
                        break;
                    default:
                        break;
                }
            }

            Assert.Empty(depth);
        });
    }

    [Theory]
    [MemberData(nameof(Kpis))]
    public void DashboardChartsKpi(string metric) =>
        Assert.Contains(Expressions(), e => e.Contains(metric, StringComparison.Ordinal));
}
