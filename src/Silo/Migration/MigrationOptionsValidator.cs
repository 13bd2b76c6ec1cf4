using Microsoft.Extensions.Options;

namespace Coordination.Silo.Migration;

/// <summary>Reports every bad <c>Coordination:Migration</c> setting at once.</summary>
public sealed class MigrationOptionsValidator : IValidateOptions<MigrationOptions>
{
    public ValidateOptionsResult Validate(string? name, MigrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.DrainTimeout <= TimeSpan.Zero || options.DrainTimeout > TimeSpan.FromMinutes(10)
            ? ValidateOptionsResult.Fail($"{MigrationOptions.SectionName}:{nameof(options.DrainTimeout)}: must be between 0 and 10 minutes")
            : ValidateOptionsResult.Success;
    }
}
