using System.Globalization;
using Coordination.Nodes;
using Coordination.Nodes.Tegrastats;
using CsCheck;

namespace Coordination.Tests.Nodes;

public sealed class TegrastatsParserTests
{
    [Fact]
    public void AgxOrinJetPack6LineIsRead()
    {
        var s = TegrastatsParser.Parse(TegrastatsLines.AgxOrin);
        Assert.Equal((20642, 62817), (s.RamUsedMiB, s.RamTotalMiB));
        Assert.Equal((0, 31408), (s.SwapUsedMiB, s.SwapTotalMiB));
        Assert.Equal(4, s.Cpus.Count);
        Assert.False(s.Cpus[2].Online);
        Assert.Equal((23.0, 2201), (s.Cpus[0].LoadPercent, s.Cpus[0].FrequencyMHz));
        Assert.Equal(12, s.GpuLoadPercent);
        Assert.Equal([1300], s.GpuFrequenciesMHz);
        Assert.Null(s.EmcLoadPercent);
        Assert.Equal(53.1, s.TemperaturesC["tj"]);
        Assert.Equal(52.968, s.TemperaturesC["cpu"]);
        Assert.Equal(["VDD_GPU_SOC", "VDD_CPU_CV", "VIN_SYS_5V0"], s.PowerRails.Select(r => r.Name).ToArray());
        Assert.Equal(5500, s.PowerRails[2].CurrentMilliwatts);
        Assert.Null(s.Timestamp);

        var signals = NodeSignals.From(s);
        Assert.Equal(0.12, signals.GpuUtilization, 6);
        Assert.Equal((23 + 10 + 5) / 3.0 / 100, signals.CpuUtilization, 6);
        Assert.Equal(20642.0 / 62817, signals.MemoryPressure, 6);
        Assert.Equal(("tj", 53.1), (signals.TemperatureSensor, signals.TemperatureC));
        Assert.Equal(5.5, signals.PowerWatts, 6);
    }

    [Fact]
    public void OlderNanoLineIsRead()
    {
        var s = TegrastatsParser.Parse(TegrastatsLines.Nano);
        Assert.Equal((2650, 3964), (s.RamUsedMiB, s.RamTotalMiB));
        Assert.All(s.Cpus, c => Assert.True(c.Online));
        Assert.Equal((4.0, 1600), (s.EmcLoadPercent!.Value, s.EmcFrequencyMHz!.Value));
        Assert.Equal(0, s.GpuLoadPercent);
        Assert.Equal(50, s.TemperaturesC["PMIC"]);
        Assert.Equal(["POM_5V_IN", "POM_5V_GPU", "POM_5V_CPU"], s.PowerRails.Select(r => r.Name).ToArray());

        var signals = NodeSignals.From(s);
        Assert.Equal(("AO", 37.0), (signals.TemperatureSensor, signals.TemperatureC));
        Assert.Equal(2.617, signals.PowerWatts, 6);
    }

    [Fact]
    public void TimestampedMultiGpcLineWithEnginesIsRead()
    {
        var s = TegrastatsParser.Parse(TegrastatsLines.OrinNxTimestamped);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 8, 0, 5, TimeSpan.Zero), s.Timestamp);
        Assert.Equal(8, s.Cpus.Count);
        Assert.Equal(2, s.Cpus.Count(c => !c.Online));
        Assert.Equal(61, s.GpuLoadPercent);
        Assert.Equal([918, 918], s.GpuFrequenciesMHz);
        Assert.Equal(0, s.EmcLoadPercent);
        Assert.Null(s.EmcFrequencyMHz);
        Assert.Equal("off", s.Engines["NVENC"]);
        Assert.Equal("1164", s.Engines["NVDEC"]);
        Assert.Equal("174", s.Engines["APE"]);
        Assert.Equal("0%@115", s.Engines["VIC_FREQ"]);
        Assert.Equal(14.321, NodeSignals.From(s).PowerWatts, 6);
    }

    [Fact]
    public void XavierLineWithIramMtsAndNoInputRailIsRead()
    {
        var s = TegrastatsParser.Parse(TegrastatsLines.XavierNx);
        Assert.Equal(6, s.Cpus.Count);
        Assert.Equal("fg 0% bg 0%", s.Engines["MTS"]);
        Assert.Equal(100, s.TemperaturesC["PMIC"]);

        var signals = NodeSignals.From(s);
        Assert.Equal(("CPU", 39.5), (signals.TemperatureSensor, signals.TemperatureC));
        Assert.Equal((0 + 466 + 1398) / 1000.0, signals.PowerWatts, 6);
    }

    [Theory]
    [InlineData("", 0, "", "empty line")]
    [InlineData("RAM abc SWAP 0/10MB", 2, "abc", "expected used/totalMB after RAM")]
    [InlineData("RAM 20/10MB", 2, "20/10MB", "exceeds total")]
    [InlineData("RAM 1/10MB CPU [12%@x]", 4, "[12%@x]", "expected load%@MHz for CPU")]
    [InlineData("RAM 1/10MB CPU 12%", 4, "12%", "expected a value for CPU")]
    [InlineData("RAM 1/10MB CPU [12%@100", 4, "[12%@100", "expected CPU [load%@MHz,...]")]
    [InlineData("RAM 1/10MB GR3D_FREQ 120%@100", 4, "120%@100", "load above 100%")]
    [InlineData("RAM 1/10MB gpu@hotC", 3, "gpu@hotC", "not a tegrastats field")]
    [InlineData("RAM 1/10MB VDD_IN fivemW/5mW", 4, "fivemW/5mW", "expected a value for VDD_IN")]
    [InlineData("RAM 1/10MB VDD_IN", 3, "VDD_IN", "has no value")]
    [InlineData("RAM 1/10MB (lfb 1x2MB", 3, "(lfb", "unclosed")]
    [InlineData("CPU [1%@100] GR3D_FREQ 0%@76", 0, "", "no RAM field")]
    public void UnreadableLinesNameTheToken(string line, int position, string token, string problem)
    {
        var e = Assert.Throws<TegrastatsFormatException>(() => TegrastatsParser.Parse(line));
        Assert.Equal(position, e.Position);
        Assert.Equal(token, e.Token);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        if (position > 0)
        {
            Assert.StartsWith($"token {position} '{token}': ", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GeneratedLinesReadBackTheirValues()
    {
        var core = Gen.Select(Gen.Bool, Gen.Int[0, 100], Gen.Int[100, 3000]);
        var gen = Gen.Select(Gen.Int[0, 65536], Gen.Int[1, 65536], core.Array[1, 12], Gen.Int[0, 100], Gen.Double[-10, 110], Gen.Int[0, 60000].Array[1, 5]);
        gen.Sample(t =>
        {
            var (used, extra, cores, gpu, tj, rails) = t;
            var total = used + extra;
            var cpu = string.Join(',', cores.Select(c => c.Item1 ? $"{c.Item2}%@{c.Item3}" : "off"));
            var railText = string.Join(' ', rails.Select((mw, i) => $"VDD_R{i} {mw}mW/{mw}mW"));
            var tjText = Math.Round(tj, 2).ToString(CultureInfo.InvariantCulture);
            var line = $"RAM {used}/{total}MB (lfb 4x4MB) CPU [{cpu}] GR3D_FREQ {gpu}%@1300 tj@{tjText}C {railText}";

            var s = TegrastatsParser.Parse(line);
            Assert.Equal((used, total), (s.RamUsedMiB, s.RamTotalMiB));
            Assert.Equal(cores.Select(c => c.Item1).ToArray(), s.Cpus.Select(c => c.Online).ToArray());
            Assert.Equal(cores.Where(c => c.Item1).Select(c => (double)c.Item2).ToArray(), s.Cpus.Where(c => c.Online).Select(c => c.LoadPercent).ToArray());
            Assert.Equal(gpu, s.GpuLoadPercent);
            Assert.Equal(Math.Round(tj, 2), s.TemperaturesC["tj"], 9);
            Assert.Equal(rails.Select(r => (double)r).ToArray(), s.PowerRails.Select(r => r.CurrentMilliwatts).ToArray());
        });
    }
}
