using Microsoft.Extensions.Options;

namespace Coordination.Silo.Kubernetes;

/// <summary>Reports every bad <c>Coordination:Kubernetes</c> setting at once.</summary>
public sealed class KubernetesOptionsValidator : IValidateOptions<KubernetesOptions>
{
    public ValidateOptionsResult Validate(string? name, KubernetesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = KubernetesOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.SchedulerName))
        {
            failures.Add($"{section}:{nameof(options.SchedulerName)}: must not be empty");
        }

        if (options.ApiServer.Length > 0 && !Uri.TryCreate(options.ApiServer, UriKind.Absolute, out _))
        {
            failures.Add($"{section}:{nameof(options.ApiServer)}: '{options.ApiServer}' is not an absolute URL");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.RequestTimeout)}: must be > 0");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add($"{section}:{nameof(options.MaxAttempts)}: must be between 1 and 20");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.RetryBaseDelay)}: must be > 0");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{section}:{nameof(options.RetryMaxDelay)}: must be >= {nameof(options.RetryBaseDelay)}");
        }

        if (options.WatchRestartDelay <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.WatchRestartDelay)}: must be > 0");
        }

        if (options.KeepAliveInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.KeepAliveInterval)}: must be > 0");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
