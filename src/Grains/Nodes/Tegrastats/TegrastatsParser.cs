using System.Globalization;
using System.Text.RegularExpressions;
using Coordination.Placement;

namespace Coordination.Nodes.Tegrastats;

/// <summary>
/// Reads one line of <c>tegrastats</c> output (JetPack 4, 5 and 6 layouts; the field order varies by module):
/// <c>RAM used/totalMB (lfb ...)</c>, <c>SWAP used/totalMB (cached ...)</c>, <c>IRAM ...</c>, <c>CPU [load%@MHz,off,...]</c>,
/// <c>EMC_FREQ load%@MHz</c>, <c>GR3D_FREQ load%@MHz</c> or <c>load%@[MHz,MHz]</c>, engines (<c>NVENC off</c>, <c>APE 174</c>),
/// <c>MTS fg N% bg N%</c>, temperatures <c>name@TEMPC</c>, power rails <c>NAME cur[mW]/avg[mW]</c>, and an optional leading
/// <c>MM-DD-YYYY HH:MM:SS</c> timestamp. Pure code: no clock, no I/O.
/// </summary>
public static partial class TegrastatsParser
{
    /// <summary>Reads a line; throws <see cref="TegrastatsFormatException"/> naming the token that could not be read.</summary>
    public static TegrastatsSample Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tokens.Length == 0)
        {
            throw new TegrastatsFormatException(string.Empty, 0, "empty line");
        }

        long? ramUsed = null;
        long ramTotal = 0;
        long swapUsed = 0;
        long swapTotal = 0;
        List<CpuCoreLoad> cpus = [];
        double? gpuLoad = null;
        List<int> gpuFrequencies = [];
        double? emcLoad = null;
        int? emcFrequency = null;
        var temperatures = new Dictionary<string, double>(StringComparer.Ordinal);
        List<PowerRailReading> rails = [];
        var engines = new Dictionary<string, string>(StringComparer.Ordinal);
        DateTimeOffset? timestamp = null;

        var i = 0;
        if (tokens.Length >= 2 && DatePattern().IsMatch(tokens[0]) && TimePattern().IsMatch(tokens[1]))
        {
            if (!DateTime.TryParseExact($"{tokens[0]} {tokens[1]}", "MM-dd-yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                throw new TegrastatsFormatException(tokens[0], 1, "not a MM-DD-YYYY date");
            }

            timestamp = new DateTimeOffset(at, TimeSpan.Zero);
            i = 2;
        }

        while (i < tokens.Length)
        {
            var key = tokens[i];
            switch (key)
            {
                case "RAM":
                    (ramUsed, ramTotal) = UsedTotal(tokens, i, key);
                    i = SkipGroup(tokens, i + 2);
                    continue;
                case "SWAP":
                    (swapUsed, swapTotal) = UsedTotal(tokens, i, key);
                    i = SkipGroup(tokens, i + 2);
                    continue;
                case "IRAM":
                    Value(tokens, i, key);
                    i = tokens[i + 1].Contains('(', StringComparison.Ordinal) && !tokens[i + 1].EndsWith(')') ? SkipUntilClose(tokens, i + 2) : SkipGroup(tokens, i + 2);
                    continue;
                case "CPU" when i + 1 < tokens.Length && tokens[i + 1].StartsWith('['):
                    // CPU [..] is the core list; a bare "CPU 466/466" is a power rail (Xavier).
                    cpus = Cpus(tokens[i + 1], i + 2);
                    i += 2;
                    continue;
                case "MTS":
                    // MTS fg N% bg N% (Xavier, TX2)
                    if (i + 4 >= tokens.Length || tokens[i + 1] != "fg" || tokens[i + 3] != "bg")
                    {
                        throw new TegrastatsFormatException(key, i + 1, "expected MTS fg N% bg N%");
                    }

                    engines["MTS"] = $"fg {tokens[i + 2]} bg {tokens[i + 4]}";
                    i += 5;
                    continue;
            }

            var temperature = TemperaturePattern().Match(key);
            if (temperature.Success)
            {
                temperatures[temperature.Groups[1].Value] = Number(temperature.Groups[2].Value, key, i + 1);
                i++;
                continue;
            }

            if (!KeyPattern().IsMatch(key))
            {
                throw new TegrastatsFormatException(key, i + 1, "not a tegrastats field (expected NAME value, name@TEMPC, RAM, SWAP or CPU [...])");
            }

            var value = Value(tokens, i, key);
            if (key.EndsWith("_FREQ", StringComparison.Ordinal))
            {
                var (load, frequencies) = LoadAtFrequency(value, key, i + 2);
                if (key == "GR3D_FREQ")
                {
                    gpuLoad = load;
                    gpuFrequencies = frequencies;
                }
                else if (key == "EMC_FREQ")
                {
                    emcLoad = load;
                    emcFrequency = frequencies.Count > 0 ? frequencies[0] : null;
                }
                else
                {
                    engines[key] = value;
                }

                i += 2;
                continue;
            }

            var rail = RailPattern().Match(value);
            if (rail.Success)
            {
                rails.Add(new PowerRailReading(key, Number(rail.Groups[1].Value, value, i + 2), Number(rail.Groups[3].Value, value, i + 2)));
                i += 2;
                continue;
            }

            if (value == "off" || EnginePattern().IsMatch(value))
            {
                engines[key] = value;
                i += 2;
                continue;
            }

            throw new TegrastatsFormatException(value, i + 2, $"expected a value for {key} (off, a frequency, load%@MHz or a power reading cur/avg)");
        }

        if (ramUsed is null)
        {
            throw new TegrastatsFormatException(string.Empty, 0, "no RAM field (a tegrastats line reports RAM used/totalMB)");
        }

        return new TegrastatsSample(ramUsed.Value, ramTotal, swapUsed, swapTotal, cpus, gpuLoad, gpuFrequencies, emcLoad, emcFrequency, temperatures, rails, engines, timestamp);
    }

    /// <summary>Reads a line; on failure returns false and the message naming the token.</summary>
    public static bool TryParse(string line, out TegrastatsSample? sample, out string? error)
    {
        try
        {
            sample = Parse(line);
            error = null;
            return true;
        }
        catch (TegrastatsFormatException e)
        {
            sample = null;
            error = e.Message;
            return false;
        }
    }

    private static string Value(string[] tokens, int i, string key)
    {
        if (i + 1 >= tokens.Length)
        {
            throw new TegrastatsFormatException(key, i + 1, "has no value at the end of the line");
        }

        return tokens[i + 1];
    }

    private static (long Used, long Total) UsedTotal(string[] tokens, int i, string key)
    {
        var value = Value(tokens, i, key);
        var m = UsedTotalPattern().Match(value);
        if (!m.Success)
        {
            throw new TegrastatsFormatException(value, i + 2, $"expected used/totalMB after {key}");
        }

        var scale = m.Groups[3].Value;
        var used = MiB(m.Groups[1].Value, scale, value, i + 2);
        var total = MiB(m.Groups[2].Value, scale, value, i + 2);
        if (used > total)
        {
            throw new TegrastatsFormatException(value, i + 2, $"{key} used ({used} MiB) exceeds total ({total} MiB)");
        }

        return (used, total);
    }

    private static long MiB(string digits, string unit, string token, int position)
    {
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new TegrastatsFormatException(token, position, "number out of range");
        }

        return unit switch
        {
            "kB" or "KB" => n / 1024,
            "GB" => n * 1024,
            _ => n,
        };
    }

    /// <summary>Skips a parenthesized group such as <c>(lfb 1x2MB)</c> or <c>(cached 0MB)</c> that follows a value.</summary>
    private static int SkipGroup(string[] tokens, int i) =>
        i < tokens.Length && tokens[i].StartsWith('(') ? SkipUntilClose(tokens, i) : i;

    private static int SkipUntilClose(string[] tokens, int i)
    {
        var start = i;
        while (i < tokens.Length)
        {
            if (tokens[i].EndsWith(')'))
            {
                return i + 1;
            }

            i++;
        }

        throw new TegrastatsFormatException(tokens[Math.Min(start, tokens.Length - 1)], start + 1, "unclosed '(' group");
    }

    private static List<CpuCoreLoad> Cpus(string value, int position)
    {
        if (value.Length < 2 || value[0] != '[' || value[^1] != ']')
        {
            throw new TegrastatsFormatException(value, position, "expected CPU [load%@MHz,...]");
        }

        var cores = new List<CpuCoreLoad>();
        foreach (var core in value[1..^1].Split(',', StringSplitOptions.TrimEntries))
        {
            if (core == "off")
            {
                cores.Add(new CpuCoreLoad(false, 0, 0));
                continue;
            }

            try
            {
                var (load, frequencies) = LoadAtFrequency(core, "CPU", position);
                cores.Add(new CpuCoreLoad(true, load, frequencies.Count > 0 ? frequencies[0] : 0));
            }
            catch (TegrastatsFormatException e)
            {
                throw new TegrastatsFormatException(value, position, $"core {cores.Count} ('{core}'): {e.Problem}");
            }
        }

        return cores;
    }

    /// <summary><c>12%@1300</c>, <c>12%</c>, <c>0%@[305,305]</c> or <c>off</c> (0 %).</summary>
    private static (double Load, List<int> Frequencies) LoadAtFrequency(string value, string key, int position)
    {
        if (value == "off")
        {
            return (0, []);
        }

        var m = LoadPattern().Match(value);
        if (!m.Success)
        {
            throw new TegrastatsFormatException(value, position, $"expected load%@MHz for {key}");
        }

        var load = Number(m.Groups[1].Value, value, position);
        if (load > 100)
        {
            throw new TegrastatsFormatException(value, position, $"{key} load above 100%");
        }

        var frequencies = new List<int>();
        var text = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
        foreach (var f in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var mhz))
            {
                throw new TegrastatsFormatException(value, position, $"frequency '{f}' of {key} is not a number of MHz");
            }

            frequencies.Add(mhz);
        }

        return (load, frequencies);
    }

    private static double Number(string text, string token, int position) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
            ? n
            : throw new TegrastatsFormatException(token, position, $"'{text}' is not a number");

    [GeneratedRegex(@"^\d{2}-\d{2}-\d{4}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2}$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(\d+)/(\d+)(MB|kB|KB|GB)?$")]
    private static partial Regex UsedTotalPattern();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_.\-]*)@(-?\d+(?:\.\d+)?)C$")]
    private static partial Regex TemperaturePattern();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^(\d+)(mW)?/(\d+)(mW)?$")]
    private static partial Regex RailPattern();

    [GeneratedRegex(@"^\d+(%@\d+)?$")]
    private static partial Regex EnginePattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)%(?:@(?:\[([\d,]+)\]|(\d+)))?$")]
    private static partial Regex LoadPattern();
}
