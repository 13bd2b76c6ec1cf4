using Coordination.Client.Connection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using StackExchange.Redis;

namespace Coordination.Client;

/// <summary>
/// A connection to a Coordination cluster: localhost, a Redis-clustered deployment, or static gateways.
/// Retries the first connection until <see cref="CoordinationClientOptions.ConnectTimeout"/>, then fails with
/// <see cref="ClusterUnreachableException"/> naming where it looked.
/// </summary>
public sealed class CoordinationClient : IAsyncDisposable
{
    private readonly IHost _host;

    private CoordinationClient(IHost host, CoordinationClientOptions options)
    {
        _host = host;
        Options = options;
        Cluster = host.Services.GetRequiredService<IClusterClient>();
    }

    public CoordinationClientOptions Options { get; }

    /// <summary>The Orleans client, for grain references.</summary>
    public IClusterClient Cluster { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<CoordinationClient> ConnectAsync(
        CoordinationClientOptions options,
        Action<IClientBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retry = new DeadlineRetryFilter(options.ConnectTimeout, TimeProvider.System);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            Configure(client, options);
            client.UseConnectionRetryFilter(retry);
            client.AddActivityPropagation();
            configure?.Invoke(client);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            var cause = retry.LastError ?? e;
            throw new ClusterUnreachableException(
                $"no silo answered at {options.Describe()} within {options.ConnectTimeout.TotalSeconds:0.#} s: {cause.Message}", e);
        }

        return new CoordinationClient(host, options);
    }

    /// <summary>Applies the connection settings to an Orleans client builder (also used by in-process tools).</summary>
    public static void Configure(IClientBuilder client, CoordinationClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Redis is { Length: > 0 } redis)
        {
            var parsed = ConfigurationOptions.Parse(redis);
            parsed.AbortOnConnectFail = false;
            client.UseRedisClustering(o => o.ConfigurationOptions = parsed);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
        }
        else if (options.Gateways.Count > 0)
        {
            client.UseStaticClustering([.. options.Gateways]);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
        }
        else
        {
            client.UseLocalhostClustering(options.LocalGatewayPort, options.ServiceId, options.ClusterId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _host.StopAsync(cts.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Closing a client whose cluster is gone must not throw.
        }

        _host.Dispose();
    }
}
