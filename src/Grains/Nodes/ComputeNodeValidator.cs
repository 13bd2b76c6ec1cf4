using Coordination.Common;
using Coordination.Placement;

namespace Coordination.Nodes;

/// <summary>Checks node registrations and samples at the twin's boundary; the error names the field.</summary>
public static class ComputeNodeValidator
{
    public const int MaxTextLength = 256;
    public const int MaxLabels = 64;
    public const int MaxLineLength = 4096;

    public static HardwareProfile Validate(ComputeNodeRegistration? registration)
    {
        if (registration is null)
        {
            throw new CoordinationValidationException("registration", "is required");
        }

        var profile = HardwareProfileCatalog.Find(registration.ProfileId)
            ?? throw new CoordinationValidationException("registration.profileId", $"unknown profile '{registration.ProfileId}' (known: {HardwareProfileCatalog.KnownIds})");
        if (registration.Zone is null || registration.Zone.Length > MaxTextLength)
        {
            throw new CoordinationValidationException("registration.zone", registration.Zone is null ? "is required (may be empty)" : $"longer than {MaxTextLength} characters");
        }

        if (registration.Labels is null)
        {
            throw new CoordinationValidationException("registration.labels", "is required (may be empty)");
        }

        if (registration.Labels.Count > MaxLabels)
        {
            throw new CoordinationValidationException("registration.labels", $"at most {MaxLabels} labels");
        }

        foreach (var (key, value) in registration.Labels)
        {
            if (string.IsNullOrEmpty(key) || key.Length > MaxTextLength || value is null || value.Length > MaxTextLength)
            {
                throw new CoordinationValidationException($"registration.labels['{key}']", $"keys must be 1 to {MaxTextLength} characters and values at most {MaxTextLength}");
            }
        }

        if (registration.PowerBudgetWatts is { } budget && (!double.IsFinite(budget) || budget <= 0))
        {
            throw new CoordinationValidationException("registration.powerBudgetWatts", "must be a positive number of watts");
        }

        return profile;
    }

    public static void Validate(TegrastatsSample? sample)
    {
        if (sample is null)
        {
            throw new CoordinationValidationException("sample", "is required");
        }

        if (sample.RamTotalMiB <= 0 || sample.RamUsedMiB < 0 || sample.RamUsedMiB > sample.RamTotalMiB)
        {
            throw new CoordinationValidationException("sample.ram", $"used {sample.RamUsedMiB} MiB of {sample.RamTotalMiB} MiB is not possible");
        }

        if (sample.SwapUsedMiB < 0 || sample.SwapTotalMiB < 0)
        {
            throw new CoordinationValidationException("sample.swap", "must not be negative");
        }

        if (sample.Cpus is null || sample.TemperaturesC is null || sample.PowerRails is null || sample.Engines is null || sample.GpuFrequenciesMHz is null)
        {
            throw new CoordinationValidationException("sample", "cpus, gpuFrequenciesMHz, temperaturesC, powerRails and engines are required (may be empty)");
        }

        for (var i = 0; i < sample.Cpus.Count; i++)
        {
            Percent($"sample.cpus[{i}].loadPercent", sample.Cpus[i].LoadPercent);
        }

        if (sample.GpuLoadPercent is { } gpu)
        {
            Percent("sample.gpuLoadPercent", gpu);
        }

        if (sample.EmcLoadPercent is { } emc)
        {
            Percent("sample.emcLoadPercent", emc);
        }

        foreach (var (name, celsius) in sample.TemperaturesC)
        {
            if (!double.IsFinite(celsius))
            {
                throw new CoordinationValidationException($"sample.temperaturesC['{name}']", "must be a finite number");
            }
        }

        for (var i = 0; i < sample.PowerRails.Count; i++)
        {
            var rail = sample.PowerRails[i];
            if (!double.IsFinite(rail.CurrentMilliwatts) || !double.IsFinite(rail.AverageMilliwatts) || rail.CurrentMilliwatts < 0 || rail.AverageMilliwatts < 0)
            {
                throw new CoordinationValidationException($"sample.powerRails[{i}]", $"{rail.Name}: readings must be finite and not negative");
            }
        }
    }

    private static void Percent(string field, double value)
    {
        if (!double.IsFinite(value) || value < 0 || value > 100)
        {
            throw new CoordinationValidationException(field, $"must be between 0 and 100 (got {value})");
        }
    }
}
