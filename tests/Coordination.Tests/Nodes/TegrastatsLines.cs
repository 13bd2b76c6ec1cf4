namespace Coordination.Tests.Nodes;

/// <summary>tegrastats lines written in the formats of JetPack 4/5/6 (made up for these tests).</summary>
public static class TegrastatsLines
{
    /// <summary>AGX Orin, JetPack 6 layout: VDD_* rails in mW, VIN_SYS_5V0 input, tj.</summary>
    public const string AgxOrin =
        "RAM 20642/62817MB (lfb 1x2MB) SWAP 0/31408MB (cached 0MB) CPU [23%@2201,10%@2201,off,5%@2201] GR3D_FREQ 12%@1300 " +
        "cpu@52.968C gpu@47.625C tj@53.1C VDD_GPU_SOC 5139mW/5139mW VDD_CPU_CV 3268mW/3268mW VIN_SYS_5V0 5500mW/5500mW";

    /// <summary>Nano, older layout: EMC_FREQ, engine-less POM_ rails without units, PMIC at a fixed 50 °C.</summary>
    public const string Nano =
        "RAM 2650/3964MB (lfb 120x4MB) SWAP 0/1982MB (cached 0MB) CPU [12%@1479,8%@1479,15%@1479,4%@1479] EMC_FREQ 4%@1600 " +
        "GR3D_FREQ 0%@76 PLL@29C CPU@31.5C PMIC@50C GPU@29.5C AO@37C thermal@30.25C POM_5V_IN 2617/2617 POM_5V_GPU 0/0 POM_5V_CPU 566/566";

    /// <summary>Orin NX, JetPack 6 with a leading timestamp, engines and a multi-GPC GR3D.</summary>
    public const string OrinNxTimestamped =
        "06-01-2025 08:00:05 RAM 5120/15388MB (lfb 2x4MB) SWAP 0/7694MB (cached 0MB) CPU [40%@1984,35%@1984,off,off,20%@729,18%@729,10%@729,9%@729] " +
        "EMC_FREQ 0% GR3D_FREQ 61%@[918,918] NVENC off NVDEC 1164 NVJPG off VIC_FREQ 0%@115 APE 174 " +
        "cpu@61.5C soc0@58C soc1@57.2C soc2@57.8C tj@61.5C VDD_IN 14321mW/12000mW VDD_CPU_GPU_CV 6000mW/5000mW VDD_SOC 2500mW/2400mW";

    /// <summary>Xavier NX: IRAM, MTS, rails without an input rail.</summary>
    public const string XavierNx =
        "RAM 3100/7772MB (lfb 300x4MB) SWAP 0/3886MB (cached 0MB) IRAM 0/252kB(lfb 252kB) CPU [5%@1190,3%@1190,off,off,off,off] " +
        "EMC_FREQ 1%@1600 GR3D_FREQ 0%@306 APE 150 MTS fg 0% bg 0% AO@39C GPU@38.5C PMIC@100C AUX@38C CPU@39.5C thermal@38.75C " +
        "GPU 0/0 CPU 466/466 SOC 1398/1398";

    /// <summary>An AGX Orin line running hot (tj above the 85 °C threshold).</summary>
    public static string Hot(double tj) =>
        $"RAM 20642/62817MB (lfb 1x2MB) SWAP 0/31408MB (cached 0MB) CPU [93%@2201,90%@2201,95%@2201,97%@2201] GR3D_FREQ 99%@1300 " +
        $"cpu@80.1C gpu@84.0C tj@{tj.ToString(System.Globalization.CultureInfo.InvariantCulture)}C VDD_GPU_SOC 25000mW/24000mW VDD_CPU_CV 9000mW/9000mW VIN_SYS_5V0 45000mW/44000mW";
}
