using k8s.Models;

namespace Coordination.Deployment.Tests.Rules;

/// <summary>Reads resource quantities ("500m", "1Gi") as numbers.</summary>
public static class Quantities
{
    public static decimal? Get(IDictionary<string, ResourceQuantity>? resources, string name) =>
        resources is not null && resources.TryGetValue(name, out var quantity) ? quantity.ToDecimal() : null;
}
