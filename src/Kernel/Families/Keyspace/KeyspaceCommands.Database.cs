using RedisOnMySql.Kernel.Sdk;
using static RedisOnMySql.Kernel.Families.Keyspace.KeyspaceFamilyStatements;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>DBSIZE, FLUSHDB and FLUSHALL. FLUSHALL empties every db of the caller's tenant, never another tenant's.</summary>
public sealed partial class KeyspaceCommands
{
    [RedisCommand("dbsize", 1, CommandFlags.ReadOnly | CommandFlags.Fast, Group = "server",
        Summary = "Returns the number of keys in the database.")]
    public async ValueTask DbSize(CommandContext ctx) =>
        ctx.Reply.WriteInteger(await ctx.Sql.QueryFirstAsync(CountLive, r => Convert.ToInt64(r.GetValue(0)), ctx.NowMs));

    /// <summary>One statement, so the flush is atomic; child rows are left to the collector either way.</summary>
    [RedisCommand("flushdb", -1, CommandFlags.Write, Group = "server", Summary = "Removes all keys from the current database.")]
    public async ValueTask FlushDb(CommandContext ctx)
    {
        CheckFlushMode(ctx);
        await ctx.Sql.ExecuteAsync(KeyspaceFamilyStatements.FlushDb);
        ctx.Reply.WriteOk();
    }

    [RedisCommand("flushall", -1, CommandFlags.Write, Group = "server", Summary = "Removes all keys from all databases.")]
    public async ValueTask FlushAll(CommandContext ctx)
    {
        CheckFlushMode(ctx);
        await ctx.Sql.ExecuteAsync(KeyspaceFamilyStatements.FlushAll);
        ctx.Reply.WriteOk();
    }

    /// <summary>ASYNC and SYNC are accepted and mean the same here: rows go at once, children later.</summary>
    private static void CheckFlushMode(CommandContext ctx)
    {
        if (ctx.Count == 1 || (ctx.Count == 2 && (ctx.ArgIs(1, "ASYNC") || ctx.ArgIs(1, "SYNC")))) return;
        throw new RedisException(RedisErrors.Syntax);
    }
}
