using System.Net;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Coordination.Silo.NodeAgent;

/// <summary>
/// <c>Coordination.Silo node-agent ...</c>: runs tegrastats on a Jetson (or replays recorded lines) and reports to
/// its compute-node grain through an Orleans client (static gateways, Redis membership, or a local silo).
/// Exit codes: 0 done, 1 nothing accepted, 2 bad arguments, 4 cluster unreachable.
/// </summary>
public static class NodeAgentProgram
{
    public const string Verb = "node-agent";

    public static bool Matches(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        NodeAgentArguments parsed;
        try
        {
            parsed = NodeAgentArguments.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"node-agent: {e.Message}");
            await Console.Error.WriteLineAsync(NodeAgentArguments.Usage);
            return 2;
        }

        IPEndPoint[] gateways;
        try
        {
            gateways = parsed.Gateways.Select(ParseEndpoint).ToArray();
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"node-agent: --gateway: {e.Message}");
            return 2;
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(parsed.ConnectTimeoutSeconds);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            if (parsed.Redis is { } redis)
            {
                var options = ConfigurationOptions.Parse(redis);
                options.AbortOnConnectFail = false;
                client.UseRedisClustering(o => o.ConfigurationOptions = options);
            }
            else if (gateways.Length > 0)
            {
                client.UseStaticClustering(gateways);
            }
            else
            {
                client.UseLocalhostClustering(30000, parsed.ServiceId, parsed.ClusterId);
            }

            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = parsed.ClusterId;
                o.ServiceId = parsed.ServiceId;
            });
            client.UseConnectionRetryFilter(async (_, ct) =>
            {
                if (DateTime.UtcNow >= deadline)
                {
                    return false;
                }

                await Task.Delay(500, ct);
                return true;
            });
        });
        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"node-agent: cannot reach the cluster within {parsed.ConnectTimeoutSeconds:0.#} s: {e.Message}");
            return 4;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            var runner = new NodeAgentRunner(host.Services.GetRequiredService<IGrainFactory>(), Console.Out, Console.Error, TimeProvider.System);
            return await runner.RunAsync(parsed, stop.Token);
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
        catch (Coordination.Common.CoordinationValidationException e)
        {
            await Console.Error.WriteLineAsync($"node-agent: {e.Message}");
            return 2;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static IPEndPoint ParseEndpoint(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"'{text}' is not host:port");
        }

        var host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip))
        {
            return new IPEndPoint(ip, port);
        }

        var address = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? throw new FormatException($"'{text}': host '{host}' has no IPv4 address");
        return new IPEndPoint(address, port);
    }
}
