using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>
/// SAVE, BGSAVE, LASTSAVE, ROLE and WAIT. Every acknowledged write is already durable in MySQL, so a save has nothing
/// left to do and the last save is always now; the proxy has no replicas, so it is a master and no replica acknowledges.
/// </summary>
public sealed partial class ServerCommands
{
    [RedisCommand("save", 1, CommandFlags.Admin | CommandFlags.NoScript | CommandFlags.NoAsyncLoading | CommandFlags.NoMulti, Group = "server", Since = "1.0.0",
        Summary = "Synchronously saves the database(s) to disk.")]
    public ValueTask Save(CommandContext ctx)
    {
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    [RedisCommand("bgsave", -1, CommandFlags.Admin | CommandFlags.NoScript | CommandFlags.NoAsyncLoading, Group = "server", Since = "1.0.0",
        Summary = "Asynchronously saves the database(s) to disk.")]
    public ValueTask BgSave(CommandContext ctx)
    {
        if (ctx.Count > 2 || (ctx.Count == 2 && !ctx.ArgIs(1, "SCHEDULE"))) throw new RedisException(RedisErrors.Syntax);
        ctx.Reply.WriteSimpleString("Background saving started");
        return ValueTask.CompletedTask;
    }

    [RedisCommand("lastsave", 1, CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast, Group = "server", Since = "1.0.0",
        Summary = "Returns the Unix timestamp of the last successful save to disk.")]
    public ValueTask LastSave(CommandContext ctx)
    {
        ctx.Reply.WriteInteger(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return ValueTask.CompletedTask;
    }

    [RedisCommand("role", 1, CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast, Group = "server",
        Since = "2.8.12", Summary = "Returns the replication role.")]
    public ValueTask Role(CommandContext ctx)
    {
        ctx.Reply.WriteArrayHeader(3);
        ctx.Reply.WriteBulkString("master");
        ctx.Reply.WriteInteger(0);
        ctx.Reply.WriteArrayHeader(0);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Asking for no replica answers at once; asking for any waits out the timeout (0: until the client leaves or is
    /// unblocked), as Redis does with no replica attached, then answers that none acknowledged.
    /// </summary>
    [RedisCommand("wait", 3, CommandFlags.NoScript, Group = "generic", Since = "3.0.0",
        Summary = "Blocks until the asynchronous replication of all preceding write commands sent by the connection is completed.")]
    public async ValueTask Wait(CommandContext ctx)
    {
        long replicas = ctx.ArgInt64(1);
        var timeout = ctx.ArgTimeoutMs(2);
        if (replicas > 0) await ctx.BlockAsync<object>([], timeout, _ => Task.FromResult<object?>(null));
        ctx.Reply.WriteInteger(0);
    }
}
