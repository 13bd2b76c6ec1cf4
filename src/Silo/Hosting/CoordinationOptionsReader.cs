using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Coordination.Silo.Hosting;

/// <summary>
/// Reads <see cref="CoordinationOptions"/> from configuration and the pod environment, collecting every
/// problem (unknown kinds, unparsable Redis strings, ports out of range, ...) into one
/// <see cref="CoordinationConfigurationException"/>.
/// </summary>
public static class CoordinationOptionsReader
{
    public static CoordinationOptions Read(IConfiguration configuration, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        environment ??= Environment.GetEnvironmentVariable;
        var section = configuration.GetSection(CoordinationOptions.SectionName);
        var problems = new List<string>();
        var options = new CoordinationOptions();

        options.Clustering = ReadEnum(section, nameof(CoordinationOptions.Clustering), options.Clustering, problems);
        options.Storage = ReadEnum(section, nameof(CoordinationOptions.Storage), options.Storage, problems);
        options.ClusterId = ReadText(section, nameof(CoordinationOptions.ClusterId), options.ClusterId, problems);
        options.ServiceId = ReadText(section, nameof(CoordinationOptions.ServiceId), options.ServiceId, problems);
        options.SiloPort = ReadPort(section, nameof(CoordinationOptions.SiloPort), options.SiloPort, problems);
        options.GatewayPort = ReadPort(section, nameof(CoordinationOptions.GatewayPort), options.GatewayPort, problems);
        if (section[nameof(CoordinationOptions.PrimarySiloPort)] is { Length: > 0 })
        {
            options.PrimarySiloPort = ReadPort(section, nameof(CoordinationOptions.PrimarySiloPort), 0, problems);
        }

        options.ShutdownTimeout = ReadDuration(section, nameof(CoordinationOptions.ShutdownTimeout), options.ShutdownTimeout, problems);
        options.ProbeTimeout = ReadDuration(section, nameof(CoordinationOptions.ProbeTimeout), options.ProbeTimeout, problems);
        options.MissedProbesLimit = ReadInt(section, nameof(CoordinationOptions.MissedProbesLimit), options.MissedProbesLimit, 1, 100, problems);
        options.UseKubernetesHosting = ReadBool(section, nameof(CoordinationOptions.UseKubernetesHosting), false, problems);
        options.Zone = section[nameof(CoordinationOptions.Zone)] ?? string.Empty;
        options.JetsonProfile = section[nameof(CoordinationOptions.JetsonProfile)] ?? string.Empty;
        options.NodeName = section[nameof(CoordinationOptions.NodeName)] is { Length: > 0 } node
            ? node
            : environment(CoordinationOptions.NodeNameEnvironmentVariable) ?? string.Empty;
        options.Roles = (section[nameof(CoordinationOptions.Roles)] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        options.ExportTraces = !string.IsNullOrWhiteSpace(environment(CoordinationOptions.OtlpEndpointEnvironmentVariable));

        var redis = section[nameof(CoordinationOptions.Redis)];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            try
            {
                var parsed = ConfigurationOptions.Parse(redis);
                if (parsed.EndPoints.Count == 0)
                {
                    problems.Add($"{Key(nameof(CoordinationOptions.Redis))}: '{redis}' names no Redis endpoint (expected e.g. 'redis:6379')");
                }

                if (section["RedisPassword"] is { Length: > 0 } password)
                {
                    parsed.Password = password;
                }

                parsed.AbortOnConnectFail = false;
                options.Redis = parsed;
            }
            catch (ArgumentException e)
            {
                problems.Add($"{Key(nameof(CoordinationOptions.Redis))}: not a Redis connection string ({e.Message})");
            }
        }
        else if (options.Clustering == ClusteringKind.Redis || options.Storage == StorageKind.Redis)
        {
            problems.Add($"{Key(nameof(CoordinationOptions.Redis))}: required when Clustering or Storage is Redis");
        }

        if (section[nameof(CoordinationOptions.AdvertisedAddress)] is { Length: > 0 } advertised)
        {
            if (IPAddress.TryParse(advertised, out var ip))
            {
                options.AdvertisedAddress = ip;
            }
            else
            {
                problems.Add($"{Key(nameof(CoordinationOptions.AdvertisedAddress))}: '{advertised}' is not an IP address");
            }
        }

        // In a pod: advertise the pod IP, listen everywhere, name the silo after the pod.
        if (environment(CoordinationOptions.PodIpEnvironmentVariable) is { Length: > 0 } podIp)
        {
            if (IPAddress.TryParse(podIp, out var ip))
            {
                options.AdvertisedAddress = ip;
                options.ListenOnAnyHostAddress = true;
            }
            else
            {
                problems.Add($"{CoordinationOptions.PodIpEnvironmentVariable}: '{podIp}' is not an IP address");
            }
        }

        options.SiloName = environment(CoordinationOptions.PodNameEnvironmentVariable) is { Length: > 0 } podName ? podName : null;

        if (options.SiloPort == options.GatewayPort && problems.Count == 0)
        {
            problems.Add($"{Key(nameof(CoordinationOptions.GatewayPort))}: must differ from SiloPort ({options.SiloPort})");
        }

        if (problems.Count > 0)
        {
            throw new CoordinationConfigurationException(problems);
        }

        return options;
    }

    private static string Key(string name) => $"{CoordinationOptions.SectionName}:{name}";

    private static TEnum ReadEnum<TEnum>(IConfigurationSection section, string name, TEnum fallback, List<string> problems)
        where TEnum : struct, Enum
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (Enum.TryParse<TEnum>(raw.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(raw.Trim()[0]))
        {
            return value;
        }

        problems.Add($"{Key(name)}: unknown value '{raw}' (expected {string.Join(" or ", Enum.GetNames<TEnum>())})");
        return fallback;
    }

    private static string ReadText(IConfigurationSection section, string name, string fallback, List<string> problems)
    {
        var raw = section[name];
        if (raw is null)
        {
            return fallback;
        }

        if (raw.Trim().Length == 0)
        {
            problems.Add($"{Key(name)}: must not be empty");
            return fallback;
        }

        return raw.Trim();
    }

    private static int ReadPort(IConfigurationSection section, string name, int fallback, List<string> problems) =>
        ReadInt(section, name, fallback, 1, 65535, problems);

    private static int ReadInt(IConfigurationSection section, string name, int fallback, int min, int max, List<string> problems)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{Key(name)}: '{raw}' is out of range (expected an integer from {min} to {max})");
        return fallback;
    }

    private static TimeSpan ReadDuration(IConfigurationSection section, string name, TimeSpan fallback, List<string> problems)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        problems.Add($"{Key(name)}: '{raw}' is not a positive duration (expected hh:mm:ss, e.g. 00:00:30)");
        return fallback;
    }

    private static bool ReadBool(IConfigurationSection section, string name, bool fallback, List<string> problems)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (bool.TryParse(raw, out var value))
        {
            return value;
        }

        problems.Add($"{Key(name)}: '{raw}' is not true or false");
        return fallback;
    }
}
