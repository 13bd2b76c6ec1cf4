using Coordination.Deployment.Tests.Rendering;
using k8s.Models;

namespace Coordination.Deployment.Tests.Rules;

/// <summary>A container's environment as the kubelet builds it: envFrom first, then env (which wins).</summary>
public static class EffectiveEnvironment
{
    public static IReadOnlyDictionary<string, EnvValue> Of(V1Container container, string @namespace, RenderedManifests manifests)
    {
        var env = new Dictionary<string, EnvValue>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.ConfigMapRef is { } configMapRef
                && manifests.Find<V1ConfigMap>(@namespace, configMapRef.Name) is { } configMap)
            {
                foreach (var (key, value) in configMap.Data ?? new Dictionary<string, string>())
                {
                    env[(source.Prefix ?? "") + key] = new EnvValue(Literal: value, Origin: $"ConfigMap {configMapRef.Name}");
                }
            }
            else if (source.SecretRef is { } secretRef)
            {
                // Keys of a Secret are not in the render when it is created out of band: nothing to list.
                foreach (var key in manifests.Find<V1Secret>(@namespace, secretRef.Name)?.Data?.Keys ?? [])
                {
                    env[(source.Prefix ?? "") + key] = new EnvValue(SecretName: secretRef.Name, SecretKey: key);
                }
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            env[variable.Name] = variable.ValueFrom switch
            {
                null => new EnvValue(Literal: variable.Value ?? ""),
                { FieldRef: { } field } => new EnvValue(FieldPath: field.FieldPath),
                { SecretKeyRef: { } secret } => new EnvValue(SecretName: secret.Name, SecretKey: secret.Key),
                { ConfigMapKeyRef: { } key } => new EnvValue(
                    Literal: manifests.Find<V1ConfigMap>(@namespace, key.Name)?.Data?.TryGetValue(key.Key, out var v) == true ? v : null,
                    Origin: $"ConfigMap {key.Name} key {key.Key}"),
                _ => new EnvValue(Origin: "resourceFieldRef"),
            };
        }

        return env;
    }
}
