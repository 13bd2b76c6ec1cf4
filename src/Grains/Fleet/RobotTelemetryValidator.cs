using System.Globalization;
using System.Text;
using Coordination.Common;

namespace Coordination.Fleet;

/// <summary>Checks a telemetry sample at the twin's boundary; the error names the field, and nothing changes.</summary>
public static class RobotTelemetryValidator
{
    /// <summary>Bytes counted for the fixed part of a sample (six numbers, status, timestamp, framing).</summary>
    public const int FixedPayloadBytes = 72;

    public const int MaxDiagnostics = 64;

    public static void Validate(
        RobotTelemetry? telemetry,
        string worldId,
        WorldBounds? bounds,
        DateTimeOffset? lastAcceptedAt,
        int maxPayloadBytes)
    {
        if (telemetry is null)
        {
            throw new CoordinationValidationException("telemetry", "is required");
        }

        Finite("telemetry.x", telemetry.X);
        Finite("telemetry.y", telemetry.Y);
        Finite("telemetry.heading", telemetry.Heading);
        Finite("telemetry.linearVelocity", telemetry.LinearVelocity);
        Finite("telemetry.angularVelocity", telemetry.AngularVelocity);
        Finite("telemetry.batteryPercent", telemetry.BatteryPercent);
        if (telemetry.BatteryPercent is < 0 or > 100)
        {
            throw new CoordinationValidationException("telemetry.batteryPercent", $"must be between 0 and 100 (got {Number(telemetry.BatteryPercent)})");
        }

        if (!Enum.IsDefined(telemetry.Status))
        {
            throw new CoordinationValidationException("telemetry.status", $"unknown status {(int)telemetry.Status}");
        }

        if (telemetry.Status == RobotStatus.Offline)
        {
            throw new CoordinationValidationException("telemetry.status", "offline is decided by the twin after missed heartbeats and cannot be reported");
        }

        if (telemetry.Timestamp == default)
        {
            throw new CoordinationValidationException("telemetry.timestamp", "is required");
        }

        if (lastAcceptedAt is { } last && telemetry.Timestamp < last)
        {
            throw new CoordinationValidationException(
                "telemetry.timestamp",
                $"{telemetry.Timestamp:O} is older than the last accepted sample ({last:O})");
        }

        if (bounds is { } b)
        {
            var cell = CellOf(telemetry.X, telemetry.Y);
            if (!b.Contains(cell.X, cell.Y))
            {
                throw new CoordinationValidationException(
                    "telemetry.pose",
                    $"({Number(telemetry.X)}, {Number(telemetry.Y)}) is outside world '{worldId}' ({b} cells)");
            }
        }

        var size = PayloadBytes(telemetry);
        if (size > maxPayloadBytes)
        {
            throw new CoordinationValidationException("telemetry", $"payload of {size} bytes exceeds the limit of {maxPayloadBytes} bytes");
        }
    }

    /// <summary>Estimated serialized size of a sample: the fixed part plus the diagnostics' UTF-8 text.</summary>
    public static int PayloadBytes(RobotTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        var size = FixedPayloadBytes;
        if (telemetry.Diagnostics is { } diagnostics)
        {
            if (diagnostics.Count > MaxDiagnostics)
            {
                throw new CoordinationValidationException("telemetry.diagnostics", $"at most {MaxDiagnostics} entries (got {diagnostics.Count})");
            }

            foreach (var (key, value) in diagnostics)
            {
                size += 4 + Encoding.UTF8.GetByteCount(key ?? string.Empty) + Encoding.UTF8.GetByteCount(value ?? string.Empty);
            }
        }

        return size;
    }

    /// <summary>The grid cell of a pose: x and y rounded to the nearest integer (one cell = one unit).</summary>
    public static GridCell CellOf(double x, double y) =>
        new((int)Math.Round(Math.Clamp(x, int.MinValue, int.MaxValue), MidpointRounding.AwayFromZero),
            (int)Math.Round(Math.Clamp(y, int.MinValue, int.MaxValue), MidpointRounding.AwayFromZero));

    private static void Finite(string field, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new CoordinationValidationException(field, $"must be a finite number (got {Number(value)})");
        }
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
