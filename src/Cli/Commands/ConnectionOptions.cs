using System.CommandLine;
using Coordination.Client;
using Coordination.Client.Connection;

namespace Coordination.Cli.Commands;

/// <summary>The global options that say how to reach a cluster (every command that talks to one reads them).</summary>
internal static class ConnectionOptions
{
    public static readonly Option<string[]> Gateway = new("--gateway")
    {
        Description = "A silo gateway host:port (repeatable). Default: a local silo at 127.0.0.1:30000.",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<string?> Redis = new("--redis")
    {
        Description = "Redis connection string of a Redis-clustered deployment (gateways found through membership).",
        Recursive = true,
    };

    public static readonly Option<string> ClusterId = new("--cluster-id")
    {
        Description = "Orleans cluster id.",
        Recursive = true,
        DefaultValueFactory = _ => "coordination",
    };

    public static readonly Option<string> ServiceId = new("--service-id")
    {
        Description = "Orleans service id.",
        Recursive = true,
        DefaultValueFactory = _ => "coordination",
    };

    public static readonly Option<double> ConnectTimeout = new("--connect-timeout")
    {
        Description = "Seconds to keep trying to reach the cluster.",
        Recursive = true,
        DefaultValueFactory = _ => 10.0,
    };

    public static IEnumerable<Option> All => [Gateway, Redis, ClusterId, ServiceId, ConnectTimeout];

    /// <summary>Reads the options; a bad value throws <see cref="FormatException"/> naming the option.</summary>
    public static CoordinationClientOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var gateways = new List<System.Net.IPEndPoint>();
        foreach (var g in parse.GetValue(Gateway) ?? [])
        {
            try
            {
                gateways.Add(CoordinationClientOptions.ParseEndpoint(g));
            }
            catch (FormatException e)
            {
                throw new FormatException($"--gateway: {e.Message}", e);
            }
        }

        var timeout = parse.GetValue(ConnectTimeout);
        if (!double.IsFinite(timeout) || timeout <= 0)
        {
            throw new FormatException("--connect-timeout: must be a positive number of seconds");
        }

        return new CoordinationClientOptions
        {
            Gateways = gateways,
            Redis = parse.GetValue(Redis),
            ClusterId = parse.GetValue(ClusterId) ?? "coordination",
            ServiceId = parse.GetValue(ServiceId) ?? "coordination",
            ConnectTimeout = TimeSpan.FromSeconds(timeout),
        };
    }

    /// <summary>
    /// Connects with the global options and runs <paramref name="body"/>; maps bad options to exit 2 and an
    /// unreachable cluster to exit 4, each with one line on stderr.
    /// </summary>
    public static async Task<int> WithClientAsync(ParseResult parse, Func<CoordinationClient, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        CoordinationClientOptions options;
        try
        {
            options = Read(parse);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"coord: {e.Message}");
            return ExitCodes.BadInput;
        }

        try
        {
            await using var client = await CoordinationClient.ConnectAsync(options, cancellationToken: cancellationToken);
            return await body(client);
        }
        catch (ClusterUnreachableException e)
        {
            await Console.Error.WriteLineAsync($"coord: {e.Message}");
            return ExitCodes.Unreachable;
        }
        catch (Coordination.Common.CoordinationValidationException e)
        {
            await Console.Error.WriteLineAsync($"coord: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
