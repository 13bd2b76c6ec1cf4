using System.Net;

namespace Coordination.Client.Connection;

/// <summary>
/// How to reach a Coordination cluster. Exactly one way applies: <see cref="Redis"/> (gateways found through
/// Redis membership), <see cref="Gateways"/> (static gateway endpoints), or neither (a silo on localhost).
/// </summary>
public sealed class CoordinationClientOptions
{
    public const int DefaultGatewayPort = 30000;

    /// <summary>Redis connection string of a Redis-clustered deployment.</summary>
    public string? Redis { get; set; }

    /// <summary>Static gateway endpoints (<c>host:port</c>).</summary>
    public IReadOnlyList<IPEndPoint> Gateways { get; set; } = [];

    /// <summary>Gateway port of the localhost silo (when neither Redis nor Gateways is set).</summary>
    public int LocalGatewayPort { get; set; } = DefaultGatewayPort;

    public string ClusterId { get; set; } = "coordination";

    public string ServiceId { get; set; } = "coordination";

    /// <summary>How long to keep retrying the first connection before giving up with a clear error.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Describes where the client looks for the cluster, for messages.</summary>
    public string Describe() =>
        Redis is { Length: > 0 } ? $"Redis membership at {Redis}"
        : Gateways.Count > 0 ? $"gateways {string.Join(", ", Gateways)}"
        : $"a local silo at 127.0.0.1:{LocalGatewayPort}";

    /// <summary>Parses <c>host:port</c> (IPv4, [IPv6] or a host name resolved now); the error names the value.</summary>
    public static IPEndPoint ParseEndpoint(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new FormatException($"'{value}' is not host:port");
        }

        var host = text[..colon].Trim('[', ']');
        if (!int.TryParse(text[(colon + 1)..], out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"'{value}': port must be 1-65535");
        }

        if (IPAddress.TryParse(host, out var ip))
        {
            return new IPEndPoint(ip, port);
        }

        try
        {
            var addresses = Dns.GetHostAddresses(host);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            return chosen is null ? throw new FormatException($"'{value}': host '{host}' has no address") : new IPEndPoint(chosen, port);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new FormatException($"'{value}': cannot resolve '{host}' ({e.Message})");
        }
    }
}
