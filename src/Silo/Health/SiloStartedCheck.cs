using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.Silo.Health;

internal sealed class SiloStartedCheck(SiloHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(health.Started ? HealthCheckResult.Healthy("silo started") : HealthCheckResult.Unhealthy("silo starting"));
}
