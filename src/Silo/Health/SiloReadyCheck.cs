using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.Silo.Health;

internal sealed class SiloReadyCheck(SiloHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(health.Ready
            ? HealthCheckResult.Healthy("silo active")
            : HealthCheckResult.Unhealthy(health.Stopping ? "silo stopping" : "silo starting"));
}
