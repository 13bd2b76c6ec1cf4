using Coordination.Deployment.Tests.Rendering;
using Coordination.Deployment.Tests.Rules;

namespace Coordination.Deployment.Tests.Breakage;

/// <summary>The catalogue of deliberate defects, each with the exact violations it must produce.</summary>
public static class Breakages
{
    private const string Silo = "Deployment coordination/coordination-silo";
    private const string Scheduler = "Deployment coordination/coordination-scheduler";

    public static IReadOnlyDictionary<string, Breakage> All { get; } = new Dictionary<string, Breakage>
    {
        ["liveness probe removed"] = new(
            "base/silo-deployment.yaml",
            "          livenessProbe:\n            # Only the local process: a Redis or peer outage must not restart every silo.\n            httpGet:\n              path: /health/live\n              port: http\n            periodSeconds: 10\n            timeoutSeconds: 2\n            failureThreshold: 3\n",
            "",
            Overlays.Base, RuleIds.Probes, $"{Silo} container silo"),
        ["readiness probe on the wrong path"] = new(
            "base/silo-deployment.yaml", "path: /health/ready", "path: /healthz",
            Overlays.Base, RuleIds.SiloProbes, $"{Silo} container silo"),
        ["CPU limit added"] = new(
            "base/scheduler-deployment.yaml", "            limits:\n", "            limits:\n              cpu: \"2\"\n",
            Overlays.Base, RuleIds.NoCpuLimit, $"{Scheduler} container silo"),
        ["CPU request removed from Redis"] = new(
            "redis/statefulset.yaml", "              cpu: 100m\n", "",
            Overlays.Dev, RuleIds.Requests, "StatefulSet coordination/coordination-redis container redis"),
        ["writable root filesystem"] = new(
            "observability/prometheus.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false",
            Overlays.Dev, RuleIds.NonRoot, "Deployment coordination/prometheus container prometheus"),
        ["extra actuator verb"] = new(
            "base/rbac-placement.yaml", "verbs: [\"get\", \"list\", \"watch\", \"patch\"]", "verbs: [\"get\", \"list\", \"watch\", \"patch\", \"delete\"]",
            Overlays.Base, RuleIds.Rbac, "ServiceAccount coordination/coordination-placement"),
        ["actuator verb missing"] = new(
            "base/rbac-placement.yaml", "  - apiGroups: [\"\"]\n    resources: [\"pods/eviction\"]\n    verbs: [\"create\"]\n", "",
            Overlays.Base, RuleIds.Rbac, "ServiceAccount coordination/coordination-placement"),
        ["Orleans hosting verb missing"] = new(
            "base/rbac-orleans-hosting.yaml", "verbs: [\"get\", \"list\", \"watch\", \"patch\", \"delete\"]", "verbs: [\"get\", \"list\", \"watch\"]",
            Overlays.Base, RuleIds.Rbac, "ServiceAccount coordination/coordination-silo", "ServiceAccount coordination/coordination-placement"),
        ["silo to Redis blocked"] = new(
            "base/networkpolicies.yaml",
            "    - to:\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: coordination-redis\n      ports:\n        - protocol: TCP\n          port: 6379\n",
            "",
            Overlays.Dev, RuleIds.NetworkFlows, "coordination/coordination-silo -> coordination/coordination-redis 6379/TCP"),
        ["clients reach the silo port"] = new(
            "base/networkpolicies.yaml",
            "      ports:\n        - protocol: TCP\n          port: 30000\n",
            "      ports:\n        - protocol: TCP\n          port: 30000\n        - protocol: TCP\n          port: 11111\n",
            Overlays.Base, RuleIds.NetworkFlows,
            "apps/gateway-client -> coordination/coordination-scheduler 11111/TCP",
            "apps/gateway-client -> coordination/coordination-silo 11111/TCP"),
        ["Redis open to every source"] = new(
            "redis/networkpolicy.yaml",
            "    - from:\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: coordination-silo\n      ports:",
            "    - ports:",
            Overlays.Dev, RuleIds.NetworkFlows,
            "apps/gateway-client -> coordination/coordination-redis 6379/TCP",
            "apps/unlabelled-pod -> coordination/coordination-redis 6379/TCP",
            "kube-system/kube-dns -> coordination/coordination-redis 6379/TCP",
            "kube-apiserver -> coordination/coordination-redis 6379/TCP",
            "internet -> coordination/coordination-redis 6379/TCP"),
        ["grace period shorter than the shutdown timeout"] = new(
            "base/scheduler-deployment.yaml", "terminationGracePeriodSeconds: 60", "terminationGracePeriodSeconds: 20",
            Overlays.Base, RuleIds.GracePeriod, Scheduler),
        ["shutdown timeout raised past the grace period"] = new(
            "base/silo.env", "Coordination__ShutdownTimeout=00:00:30", "Coordination__ShutdownTimeout=00:01:30",
            Overlays.Base, RuleIds.GracePeriod, Silo, Scheduler),
        ["gateway port setting differs from the container port"] = new(
            "base/silo.env", "Coordination__GatewayPort=30000", "Coordination__GatewayPort=30001",
            Overlays.Base, RuleIds.SiloPorts, $"{Silo} container silo", $"{Scheduler} container silo"),
        ["misspelt setting"] = new(
            "base/silo.env", "Coordination__SiloPort=11111\n", "Coordination__SiloPort=11111\nCoordination__SiloPrt=11111\n",
            Overlays.Base, RuleIds.SiloEnvironment, $"{Silo} container silo", $"{Scheduler} container silo"),
        ["Redis password in clear text"] = new(
            "base/silo-deployment.yaml",
            "            - name: Coordination__RedisPassword\n              valueFrom:\n                secretKeyRef:\n                  name: coordination-redis\n                  key: password\n",
            "            - name: Coordination__RedisPassword\n              value: hunter2\n",
            Overlays.Base, RuleIds.SiloEnvironment, $"{Silo} container silo"),
        ["rollout may drop a silo"] = new(
            "base/silo-deployment.yaml", "maxUnavailable: 0", "maxUnavailable: 1",
            Overlays.Base, RuleIds.SiloRollout, Silo),
        ["budget selector typo"] = new(
            "base/poddisruptionbudgets.yaml", "component: scheduler", "component: schedulr",
            Overlays.Base, RuleIds.DisruptionBudgets, "PodDisruptionBudget coordination/coordination-scheduler", Scheduler),
        ["scheduler silo without the actuator flag"] = new(
            "base/scheduler-deployment.yaml", "            - name: Coordination__Kubernetes__Actuator\n              value: \"true\"\n", "",
            Overlays.Base, RuleIds.SiloRoles, Scheduler),
        ["dev runs two silo pods"] = new(
            "overlays/dev/silo-single.yaml", "replicas: 1", "replicas: 2",
            Overlays.Dev, RuleIds.DevShape, Overlays.Dev),
        ["edge workload without the edge toleration"] = new(
            "overlays/jetson/robotics/sensor-processing.yaml",
            "      tolerations:\n        - key: coordination.io/edge\n          operator: Equal\n          value: \"true\"\n          effect: NoSchedule\n",
            "",
            Overlays.Jetson, RuleIds.JetsonPlacement, "Deployment robotics/sensor-processing"),
        ["robotics workload on the default scheduler"] = new(
            "overlays/jetson/robotics/perception.yaml", "      schedulerName: coordination-placement\n", "",
            Overlays.Jetson, RuleIds.RoboticsWorkloads, "Deployment robotics/perception"),
    };

    public static IReadOnlyList<string> Names => [.. All.Keys];
}
