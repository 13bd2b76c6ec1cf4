using System.Globalization;

namespace Coordination.Silo.NodeAgent;

/// <summary>
/// <c>node-agent --node NAME --profile ID [--zone Z] [--interval-ms N] [--gateway host:port]... | [--redis CONN]
/// [--cluster-id ID] [--service-id ID] [--replay FILE] [--connect-timeout S]</c>.
/// </summary>
public sealed record NodeAgentArguments(
    string Node,
    string Profile,
    string Zone,
    int IntervalMs,
    IReadOnlyList<string> Gateways,
    string? Redis,
    string ClusterId,
    string ServiceId,
    string? Replay,
    double ConnectTimeoutSeconds)
{
    public const string Usage =
        "usage: Coordination.Silo node-agent --node NAME --profile ID [--zone ZONE] [--interval-ms N] " +
        "[--gateway host:port]... | [--redis CONNECTION] [--cluster-id ID] [--service-id ID] [--replay FILE] [--connect-timeout SECONDS]";

    /// <summary>Reads the arguments after the verb; throws <see cref="FormatException"/> naming the option.</summary>
    public static NodeAgentArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? node = null, profile = null, redis = null, replay = null;
        string zone = string.Empty, clusterId = "coordination", serviceId = "coordination";
        var interval = 1000;
        var timeout = 15.0;
        var gateways = new List<string>();
        var i = args.Count > 0 && args[0] == NodeAgentProgram.Verb ? 1 : 0;
        for (; i < args.Count; i++)
        {
            var option = args[i];
            string Next()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new FormatException($"{option}: a value is required");
                }

                return args[++i];
            }

            switch (option)
            {
                case "--node": node = Next(); break;
                case "--profile": profile = Next(); break;
                case "--zone": zone = Next(); break;
                case "--redis": redis = Next(); break;
                case "--replay": replay = Next(); break;
                case "--gateway": gateways.Add(Next()); break;
                case "--cluster-id": clusterId = Next(); break;
                case "--service-id": serviceId = Next(); break;
                case "--interval-ms":
                    var text = Next();
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out interval) || interval is < 10 or > 3_600_000)
                    {
                        throw new FormatException($"--interval-ms: '{text}' is not a number of milliseconds from 10 to 3600000");
                    }

                    break;
                case "--connect-timeout":
                    var seconds = Next();
                    if (!double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out timeout) || !double.IsFinite(timeout) || timeout <= 0)
                    {
                        throw new FormatException($"--connect-timeout: '{seconds}' is not a positive number of seconds");
                    }

                    break;
                default:
                    throw new FormatException($"{option}: unknown option");
            }
        }

        if (string.IsNullOrWhiteSpace(node))
        {
            throw new FormatException("--node: required (the Kubernetes node name)");
        }

        if (string.IsNullOrWhiteSpace(profile))
        {
            throw new FormatException("--profile: required (a Jetson profile id, e.g. orin-nx-16gb)");
        }

        if (redis is not null && gateways.Count > 0)
        {
            throw new FormatException("--gateway and --redis: give one way to reach the cluster, not both");
        }

        return new NodeAgentArguments(node, profile, zone, interval, gateways, redis, clusterId, serviceId, replay, timeout);
    }
}
