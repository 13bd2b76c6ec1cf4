namespace Coordination.Deployment.Tests.Rules;

/// <summary>What a kustomization is meant to produce; selects the shape rules that apply.</summary>
public enum OverlayShape
{
    /// <summary>redis/ or observability/ on their own: only the per-object rules.</summary>
    Component,

    /// <summary>base/: plain silos plus two scheduler silos, no Jetson constraints.</summary>
    Base,

    /// <summary>overlays/dev: one silo pod that is also the scheduler, no Jetson constraints.</summary>
    Dev,

    /// <summary>overlays/jetson: everything on Jetson nodes, per-tier silos, robotics workloads.</summary>
    Jetson,
}
