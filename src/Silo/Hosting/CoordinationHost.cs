using Coordination.Hosting;
using Coordination.Silo.Health;
using Coordination.Silo.Kubernetes;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Coordination.Silo.Hosting;

/// <summary>Builds the silo web host: configuration → Orleans silo, health endpoints, /metrics, traces.</summary>
public static class CoordinationHost
{
    /// <summary>Activity sources exported as traces.</summary>
    public static readonly string[] TraceSources =
        ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", CoordinationInstruments.SourceName];

    /// <summary>Meters exported on /metrics.</summary>
    public static readonly string[] Meters = ["Microsoft.Orleans", CoordinationInstruments.MeterName];

    /// <summary>Builds the host; throws <see cref="CoordinationConfigurationException"/> on bad settings.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var options = CoordinationOptionsReader.Read(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);

        if (options.UseKubernetesHosting && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(CoordinationOptions.KubernetesServiceHostEnvironmentVariable)))
        {
            builder.UseOrleans(silo => silo.UseKubernetesHosting());
        }

        builder.UseOrleans(silo => silo.AddCoordination(options));
        builder.Services.AddCoordinationHealthChecks();
        builder.Services.AddCoordinationKubernetes(builder.Configuration);

        var serviceName = Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") is { Length: > 0 } s ? s : "coordination-silo";
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: options.SiloName ?? Environment.MachineName))
            .WithMetrics(m => m.AddMeter(Meters).AddPrometheusExporter());
        if (options.ExportTraces)
        {
            otel.WithTracing(t => t.AddSource(TraceSources).AddOtlpExporter());
        }

        var app = builder.Build();
        app.MapCoordinationHealthEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
