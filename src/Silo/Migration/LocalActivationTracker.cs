using System.Collections.Concurrent;

namespace Coordination.Silo.Migration;

/// <summary>
/// The live activations of this silo whose grain type is migratable, learnt from the activation working set:
/// tracked from activation until deactivated (an idle activation the working set drops is still alive, so it
/// stays); <see cref="Snapshot"/> leaves out those already deactivating.
/// </summary>
public sealed class LocalActivationTracker(MigratableGrainTypes types) : IActivationWorkingSetObserver
{
    private readonly ConcurrentDictionary<GrainId, (IGrainContext Context, bool Deactivating)> _activations = new();

    /// <summary>The tracked activations that are not deactivating.</summary>
    public IReadOnlyList<IGrainContext> Snapshot() => [.. _activations.Values.Where(a => !a.Deactivating).Select(a => a.Context)];

    /// <summary>Whether this activation has not finished deactivating yet.</summary>
    public bool IsAlive(IGrainContext context) =>
        context is not null && _activations.TryGetValue(context.GrainId, out var a) && ReferenceEquals(a.Context, context);

    public void OnAdded(IActivationWorkingSetMember member) => Track(member);

    public void OnActive(IActivationWorkingSetMember member) => Track(member);

    public void OnDeactivating(IActivationWorkingSetMember member)
    {
        if (member is IGrainContext context && _activations.TryGetValue(context.GrainId, out var a) && ReferenceEquals(a.Context, context))
        {
            _activations.TryUpdate(context.GrainId, (context, true), a);
        }
    }

    public void OnDeactivated(IActivationWorkingSetMember member)
    {
        if (member is IGrainContext context && _activations.TryGetValue(context.GrainId, out var a) && ReferenceEquals(a.Context, context))
        {
            _activations.TryRemove(new KeyValuePair<GrainId, (IGrainContext, bool)>(context.GrainId, a));
        }
    }

    private void Track(IActivationWorkingSetMember member)
    {
        if (member is IGrainContext context && types.Contains(context.GrainId.Type))
        {
            _activations.AddOrUpdate(context.GrainId, (context, false), (_, existing) => ReferenceEquals(existing.Context, context) ? existing : (context, false));
        }
    }
}
