using Coordination.Silo.Hosting;
using Coordination.Silo.NodeAgent;

if (NodeAgentProgram.Matches(args))
{
    return await NodeAgentProgram.RunAsync(args);
}

try
{
    await using var app = CoordinationHost.Build(args);
    await app.RunAsync();
    return 0;
}
catch (CoordinationConfigurationException e)
{
    await Console.Error.WriteLineAsync($"coordination-silo: {e.Message}");
    return 2;
}
