namespace Coordination.Tests.Kubernetes;

/// <summary>A request the fake API server answered.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, int Status, string Body);
