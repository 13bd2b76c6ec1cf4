namespace Coordination.Placement;

/// <summary>
/// The port through which the placement grain sees and changes the cluster it places workloads on.
/// The silo wires the Kubernetes implementation on scheduler silos (<c>Coordination:Kubernetes:Actuator</c>);
/// tests and the simulator use <see cref="InMemoryClusterActuator"/>.
/// </summary>
/// <remarks>
/// Implementations never throw for a refusal of the cluster: they return <see cref="ActuationOutcome.Retry"/>
/// (PodDisruptionBudget, conflict, timeout) or <see cref="ActuationOutcome.Failed"/> (forbidden, not found) with a
/// detail. <see cref="ObserveAsync"/> may throw when the cluster cannot be read; the grain reports it and retries.
/// </remarks>
public interface IClusterActuator
{
    /// <summary>What this actuator drives, for status and logs (<c>kubernetes</c>, <c>kubernetes (dry-run)</c>, <c>in-memory</c>).</summary>
    string Name { get; }

    /// <summary>Nodes, the pods this scheduler owns (pending and bound) and the Deployments they belong to.</summary>
    Task<ClusterView> ObserveAsync(CancellationToken cancellationToken);

    /// <summary>Binds a pending pod to a node (Kubernetes Binding).</summary>
    Task<ActuationResult> BindAsync(PodKey pod, string node, CancellationToken cancellationToken);

    /// <summary>Evicts a pod (Kubernetes Eviction API: a PodDisruptionBudget refusal is <see cref="ActuationOutcome.Retry"/>).</summary>
    Task<ActuationResult> EvictAsync(PodKey pod, string reason, CancellationToken cancellationToken);

    /// <summary>Sets the replica count of a Deployment (scale subresource).</summary>
    Task<ActuationResult> ScaleAsync(WorkloadKey deployment, int replicas, CancellationToken cancellationToken);

    /// <summary>Cordons (<paramref name="cordon"/> true) or uncordons a node, marking it as cordoned by the placement grain.</summary>
    Task<ActuationResult> SetCordonAsync(string node, bool cordon, string reason, CancellationToken cancellationToken);
}
