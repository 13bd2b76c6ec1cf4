using Coordination.Cli.Commands;

return await CommandTree.RunAsync(args);
