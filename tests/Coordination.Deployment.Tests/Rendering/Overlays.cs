namespace Coordination.Deployment.Tests.Rendering;

/// <summary>The kustomization directories under k8s/, relative to it.</summary>
public static class Overlays
{
    public const string Base = "base";
    public const string Redis = "redis";
    public const string Observability = "observability";
    public const string Dev = "overlays/dev";
    public const string Jetson = "overlays/jetson";

    public static IReadOnlyList<string> All { get; } = [Base, Redis, Observability, Dev, Jetson];
}
