using System.Text.Json;

namespace Coordination.Cli.Commands;

/// <summary>JSON settings of every `coord` output: camelCase, indented.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
