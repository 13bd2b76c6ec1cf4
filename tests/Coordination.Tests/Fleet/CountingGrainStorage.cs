using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace Coordination.Tests.Fleet;

/// <summary>In-memory grain storage (copies through the Orleans serializer) that counts writes per grain.</summary>
public sealed class CountingGrainStorage(Serializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (byte[] Data, string ETag)> _store = new();
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();

    public int WritesOf(GrainId grain) => _writes.TryGetValue(grain, out var n) ? n : 0;

    public T? Stored<T>(string stateName, GrainId grain) =>
        _store.TryGetValue((stateName, grain), out var entry) ? serializer.Deserialize<T>(entry.Data) : default;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_store.TryGetValue((stateName, grainId), out var entry))
        {
            grainState.State = serializer.Deserialize<T>(entry.Data);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = Guid.NewGuid().ToString("N");
        _store[(stateName, grainId)] = (serializer.SerializeToArray(grainState.State), etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        _writes.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _store.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
