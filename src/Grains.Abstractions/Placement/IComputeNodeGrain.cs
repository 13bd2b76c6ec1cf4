namespace Coordination.Placement;

/// <summary>
/// The twin of one compute node, a Jetson (key: Kubernetes node name): hardware profile, tier, live tegrastats
/// telemetry and health (<c>ready</c>, <c>not-ready</c> after missed reports, <c>throttled</c> above the thermal
/// threshold or power budget). Reports its snapshot to the placement grain on every health change and at most once
/// a second otherwise.
/// </summary>
[Alias("Coordination.IComputeNodeGrain")]
public interface IComputeNodeGrain : IGrainWithStringKey
{
    /// <summary>Registers the node (profile from the Jetson catalog, zone, labels); persisted before it returns.</summary>
    [Alias("Register")]
    Task<ComputeNodeStatus> Register(ComputeNodeRegistration registration);

    /// <summary>One parsed tegrastats sample (the node agent parses lines itself).</summary>
    [Alias("ReportSample")]
    Task<ComputeNodeStatus> ReportSample(TegrastatsSample sample);

    /// <summary>One raw tegrastats line, parsed by the twin; an unreadable line names the token.</summary>
    [Alias("ReportTegrastats")]
    Task<ComputeNodeStatus> ReportTegrastats(string line);

    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<ComputeNodeStatus> GetStatus();

    /// <summary>The node as the placement grain sees it; <c>null</c> when it never registered.</summary>
    [AlwaysInterleave]
    [Alias("GetSnapshot")]
    Task<NodeSnapshot?> GetSnapshot();
}
