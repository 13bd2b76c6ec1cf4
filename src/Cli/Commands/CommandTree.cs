using System.CommandLine;
using System.Reflection;

namespace Coordination.Cli.Commands;

/// <summary>Builds the `coord` command tree from every <see cref="ICommandFactory"/> in this assembly.</summary>
internal static class CommandTree
{
    private static readonly Dictionary<string, string> GroupDescriptions = new(StringComparer.Ordinal)
    {
        ["bench"] = "Benchmarks that measure a baseline in the same run and print the ratio.",
        ["dispatch"] = "Task allocation (the dispatcher's engine), offline.",
        ["placement"] = "GPU-aware workload placement on a Jetson cluster.",
        ["mission"] = "Submit, follow and cancel missions.",
        ["fleet"] = "Robots known to the cluster.",
        ["nodes"] = "Jetson compute nodes known to the cluster.",
        ["world"] = "World maps and obstacles.",
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("coord: operate and simulate a Coordination robot fleet cluster.");
        foreach (var option in ConnectionOptions.All)
        {
            root.Options.Add(option);
        }

        var factories = typeof(CommandTree).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsInterface && typeof(ICommandFactory).IsAssignableFrom(t))
            .Select(t => (ICommandFactory)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(f => string.Join(' ', f.Parents), StringComparer.Ordinal)
            .ThenBy(f => f.GetType().Name, StringComparer.Ordinal);
        foreach (var factory in factories)
        {
            Command parent = root;
            foreach (var name in factory.Parents)
            {
                var existing = parent.Subcommands.FirstOrDefault(c => c.Name == name);
                if (existing is null)
                {
                    existing = new Command(name, GroupDescriptions.GetValueOrDefault(name, name));
                    parent.Subcommands.Add(existing);
                }

                parent = existing;
            }

            parent.Subcommands.Add(factory.Create());
        }

        return root;
    }

    /// <summary>Parses and runs; a parse error prints every problem to stderr and exits 2 (bad input).</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"coord: {error.Message}");
            }

            return ExitCodes.BadInput;
        }

        return await parse.InvokeAsync(cancellationToken: cancellationToken);
    }
}
