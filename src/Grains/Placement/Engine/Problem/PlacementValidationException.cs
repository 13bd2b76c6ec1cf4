namespace Coordination.Placement.Engine;

/// <summary>Thrown when a <see cref="PlacementProblem"/> (or its JSON) is invalid; lists every error found.</summary>
public sealed class PlacementValidationException : Exception
{
    /// <summary>Creates the exception from a non-empty list of errors.</summary>
    public PlacementValidationException(IReadOnlyList<PlacementValidationError> errors)
        : base(errors.Count == 0 ? "invalid placement problem" : string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, in input order.</summary>
    public IReadOnlyList<PlacementValidationError> Errors { get; }
}
