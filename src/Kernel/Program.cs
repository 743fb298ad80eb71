using Microsoft.Extensions.Logging.Console;
using RedisOnMySql.Kernel;
using RedisOnMySql.Kernel.Configuration;

using var bootstrapLogging = LoggerFactory.Create(b => b.AddSimpleConsole(ProxyHost.ConsoleFormat));
var logger = bootstrapLogging.CreateLogger("redis-on-mysql");
ProxyOptions options;
try
{
    options = ConfigLoader.Load();
}
catch (ConfigException e)
{
    logger.LogCritical("Configuration error: {Message}", e.Message);
    return 2;
}

// The runtime reads this switch when the first socket is created, so it can still be set here; it makes socket
// completions run on the event thread, which Kestrel's inline scheduling (server.inline_io) builds on.
const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
if (options.Server.InlineIo && Environment.GetEnvironmentVariable(InlineCompletionsVariable) == null)
    Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");

try
{
    if (args.Length > 0 && args[0] == "migrate")
        return await ProxyHost.MigrateAsync(options, args[1..], logger);
    if (args.Length > 0)
    {
        logger.LogCritical("Unknown argument '{Arg}'. Usage: RedisOnMySql.Kernel [migrate --user U [--password P]]", args[0]);
        return 2;
    }
    await ProxyHost.RunAsync(options, logger);
    return 0;
}
catch (StartupException e)
{
    logger.LogCritical("Startup failed: {Message}", e.Message);
    return 1;
}
