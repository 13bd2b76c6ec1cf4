using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.Silo.Health;

/// <summary>
/// <c>/health/startup</c> (the silo became active once), <c>/health/ready</c> (active and not stopping) and
/// <c>/health/live</c> (the process answers: it checks nothing outside it, so a Redis outage never restarts pods).
/// </summary>
public static class HealthEndpoints
{
    private const string LiveTag = "live";
    private const string ReadyTag = "ready";
    private const string StartupTag = "startup";

    public static IServiceCollection AddCoordinationHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("the process answers"), [LiveTag])
            .AddCheck<SiloReadyCheck>("silo-ready", tags: [ReadyTag])
            .AddCheck<SiloStartedCheck>("silo-started", tags: [StartupTag]);
        return services;
    }

    public static WebApplication MapCoordinationHealthEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var health = app.Services.GetRequiredService<SiloHealth>();
        app.Lifetime.ApplicationStopping.Register(health.MarkStopping);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/health/startup", new HealthCheckOptions { Predicate = c => c.Tags.Contains(StartupTag) });
        return app;
    }
}
