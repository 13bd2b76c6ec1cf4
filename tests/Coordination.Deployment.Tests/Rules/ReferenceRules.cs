using Coordination.Deployment.Tests.Rendering;
using k8s.Models;

namespace Coordination.Deployment.Tests.Rules;

/// <summary>
/// Everything a pod names exists in the render: its ServiceAccount, ConfigMaps and Secrets (except the
/// Secrets that the overlay documents as created out of band).
/// </summary>
public static class ReferenceRules
{
    public static void Check(RenderedManifests manifests, OverlayExpectations expectations, List<Violation> found)
    {
        foreach (var workload in manifests.Workloads)
        {
            var ns = workload.Namespace;
            var account = workload.Pod.ServiceAccountName;
            if (account is not null && account != "default" && manifests.Find<V1ServiceAccount>(ns, account) is null)
            {
                found.Add(new(RuleIds.References, workload.Id, $"ServiceAccount '{account}' is not in the render"));
            }

            var configMaps = new List<(string Name, string Where)>();
            var secrets = new List<(string Name, string Where)>();
            foreach (var container in workload.AllContainers)
            {
                foreach (var source in container.EnvFrom ?? [])
                {
                    if (source.ConfigMapRef is { } c)
                    {
                        configMaps.Add((c.Name, $"container {container.Name} envFrom"));
                    }

                    if (source.SecretRef is { } s)
                    {
                        secrets.Add((s.Name, $"container {container.Name} envFrom"));
                    }
                }

                foreach (var variable in container.Env ?? [])
                {
                    if (variable.ValueFrom?.ConfigMapKeyRef is { } c)
                    {
                        configMaps.Add((c.Name, $"container {container.Name} env {variable.Name}"));
                    }

                    if (variable.ValueFrom?.SecretKeyRef is { } s)
                    {
                        secrets.Add((s.Name, $"container {container.Name} env {variable.Name}"));
                    }
                }
            }

            foreach (var volume in workload.Pod.Volumes ?? [])
            {
                if (volume.ConfigMap is { } c)
                {
                    configMaps.Add((c.Name, $"volume {volume.Name}"));
                }

                if (volume.Secret is { } s)
                {
                    secrets.Add((s.SecretName, $"volume {volume.Name}"));
                }
            }

            foreach (var (name, where) in configMaps.Where(c => manifests.Find<V1ConfigMap>(ns, c.Name) is null))
            {
                found.Add(new(RuleIds.References, workload.Id, $"{where}: ConfigMap '{name}' is not in the render"));
            }

            foreach (var (name, where) in secrets.Where(s => manifests.Find<V1Secret>(ns, s.Name) is null && !expectations.ExternalSecrets.Contains(s.Name)))
            {
                found.Add(new(RuleIds.References, workload.Id, $"{where}: Secret '{name}' is neither in the render nor a documented external Secret"));
            }
        }
    }
}
