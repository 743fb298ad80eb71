using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>
/// CLIENT, COMMAND, INFO, CONFIG and TIME: what clients, GUIs and operators ask the server about itself.
/// Each command lives in its own part of this class.
/// </summary>
public sealed partial class ServerCommands(
    IServiceProvider services,
    ClientRegistry clients,
    ServerStats stats,
    EventFeed events,
    ProxyOptions options) : ICommandFamily
{
    private CommandTable? _table;

    public string Name => "server";

    // The table is built from the families, this one included, so it can only be looked up after construction.
    private CommandTable Table => _table ??= services.GetRequiredService<CommandTable>();

    [RedisCommand("time", 1, CommandFlags.Fast | CommandFlags.Loading | CommandFlags.Stale, Group = "server",
        Summary = "Returns the server time.", Since = "2.6.0")]
    public ValueTask Time(CommandContext ctx)
    {
        long micros = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
        ctx.Reply.WriteArrayHeader(2);
        ctx.Reply.WriteBulkString(RedisNumbers.ToBytes(micros / 1_000_000));
        ctx.Reply.WriteBulkString(RedisNumbers.ToBytes(micros % 1_000_000));
        return ValueTask.CompletedTask;
    }
}
