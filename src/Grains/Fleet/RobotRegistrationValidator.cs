using Coordination.Common;

namespace Coordination.Fleet;

/// <summary>Checks a registration at the grain boundary; the error names the field.</summary>
public static class RobotRegistrationValidator
{
    public const int MaxTextLength = 256;
    public const int MaxCapabilities = 64;

    public static void Validate(RobotRegistration? registration)
    {
        if (registration is null)
        {
            throw new CoordinationValidationException("registration", "is required");
        }

        Text("registration.model", registration.Model, required: true);
        Text("registration.rosNamespace", registration.RosNamespace, required: false);
        Text("registration.worldId", registration.WorldId, required: true);
        Text("registration.zone", registration.Zone, required: false);
        if (registration.Capabilities is null)
        {
            throw new CoordinationValidationException("registration.capabilities", "is required (may be empty)");
        }

        if (registration.Capabilities.Count > MaxCapabilities)
        {
            throw new CoordinationValidationException("registration.capabilities", $"at most {MaxCapabilities} capabilities");
        }

        for (var i = 0; i < registration.Capabilities.Count; i++)
        {
            Text($"registration.capabilities[{i}]", registration.Capabilities[i], required: true);
        }

        if (!double.IsFinite(registration.MaxSpeed) || registration.MaxSpeed <= 0)
        {
            throw new CoordinationValidationException("registration.maxSpeed", "must be a positive finite number");
        }
    }

    private static void Text(string field, string? value, bool required)
    {
        if (value is null || (required && value.Length == 0))
        {
            throw new CoordinationValidationException(field, "is required");
        }

        if (value.Length > MaxTextLength)
        {
            throw new CoordinationValidationException(field, $"longer than {MaxTextLength} characters");
        }
    }
}
