using k8s.Models;

namespace Coordination.Deployment.Tests.Rules;

/// <summary>Kubernetes label selector semantics (matchLabels AND matchExpressions; {} matches everything).</summary>
public static class LabelSelectors
{
    public static bool Matches(V1LabelSelector selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var has = labels.TryGetValue(requirement.Key, out var actual);
            var values = requirement.Values ?? [];
            var ok = requirement.OperatorProperty switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => throw new InvalidOperationException(
                    $"label selector operator '{requirement.OperatorProperty}' on key '{requirement.Key}' is not one of In, NotIn, Exists, DoesNotExist"),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public static bool Matches(IDictionary<string, string>? selector, IReadOnlyDictionary<string, string> labels) =>
        selector is { Count: > 0 } && selector.All(p => labels.TryGetValue(p.Key, out var v) && v == p.Value);

    public static bool IsEmpty(V1LabelSelector? selector) =>
        selector is null || ((selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0);
}
