namespace Coordination.Common;

/// <summary>
/// Bad input at a grain boundary. <see cref="Field"/> names the offending field as a path
/// (e.g. <c>$.tasks[2].dropoff.x</c> or <c>telemetry.batteryPercent</c>); nothing was changed.
/// Serializable so it reaches the client intact.
/// </summary>
[GenerateSerializer]
[Alias("Coordination.CoordinationValidationException")]
public sealed class CoordinationValidationException : Exception
{
    public CoordinationValidationException(string field, string problem)
        : base($"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    public CoordinationValidationException()
    {
        Field = string.Empty;
        Problem = string.Empty;
    }

    public CoordinationValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
        Problem = message;
    }

    public CoordinationValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
        Problem = message;
    }

    [Id(0)]
    public string Field { get; init; }

    [Id(1)]
    public string Problem { get; init; }
}
