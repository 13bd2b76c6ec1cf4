namespace Coordination.Tests.Infrastructure;

/// <summary>Fresh grain keys, so tests never share state.</summary>
public static class TestKeys
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
