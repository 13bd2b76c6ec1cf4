namespace Coordination.Missions.Allocation;

/// <summary>
/// The allocation input is invalid. <see cref="Errors"/> lists every problem found, each starting with the JSON path
/// of the offending field (<c>$.robots[3].batteryPercent: must be between 0 and 100</c>).
/// </summary>
public sealed class AllocationInputException : Exception
{
    public AllocationInputException(IReadOnlyList<string> errors)
        : base(errors.Count == 0 ? "invalid allocation input" : string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public AllocationInputException()
        : this([])
    {
    }

    public AllocationInputException(string message)
        : this([message])
    {
    }

    public AllocationInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; }
}
