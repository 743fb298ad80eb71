using RedisOnMySql.Kernel.Sdk;
using static RedisOnMySql.Kernel.Families.Keyspace.KeyspaceFamilyStatements;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// DBSIZE, FLUSHDB, FLUSHALL and SWAPDB. FLUSHALL empties every db of the caller's tenant, and SWAPDB swaps two of its
/// dbs, never another tenant's.
/// </summary>
public sealed partial class KeyspaceCommands
{
    [RedisCommand("dbsize", 1, CommandFlags.ReadOnly | CommandFlags.Fast, Group = "server",
        Summary = "Returns the number of keys in the database.")]
    public async ValueTask DbSize(CommandContext ctx) =>
        ctx.Reply.WriteInteger(await ctx.Sql.QueryFirstAsync(CountLive, r => Convert.ToInt64(r.GetValue(0)), ctx.NowMs));

    /// <summary>One statement, so the flush is atomic; child rows are left to the collector either way.</summary>
    [RedisCommand("flushdb", -1, CommandFlags.Write, Group = "server", Summary = "Removes all keys from the current database.",
        AclCategories = "@keyspace @dangerous")]
    public async ValueTask FlushDb(CommandContext ctx)
    {
        CheckFlushMode(ctx);
        await ctx.Sql.ExecuteAsync(KeyspaceFamilyStatements.FlushDb);
        ctx.Reply.WriteOk();
    }

    [RedisCommand("flushall", -1, CommandFlags.Write, Group = "server", Summary = "Removes all keys from all databases.",
        AclCategories = "@keyspace @dangerous")]
    public async ValueTask FlushAll(CommandContext ctx)
    {
        CheckFlushMode(ctx);
        await ctx.Sql.ExecuteAsync(KeyspaceFamilyStatements.FlushAll);
        ctx.Reply.WriteOk();
    }

    /// <summary>
    /// Moves every key row of the one db to the other in one transaction, through a db no client can select (the rows'
    /// primary key includes the db, so they cannot trade places in one statement). Child rows hang off the rows' ids and
    /// move with them; every moved row's version changes, so WATCH sees the swap.
    /// </summary>
    [RedisCommand("swapdb", 3, CommandFlags.Write | CommandFlags.Fast, Group = "server", Summary = "Swaps two Redis databases.", Since = "4.0.0",
        AclCategories = "@keyspace @dangerous")]
    public async ValueTask SwapDb(CommandContext ctx)
    {
        int first = DbIndex(ctx, 1, "invalid first DB index");
        int second = DbIndex(ctx, 2, "invalid second DB index");
        if (first < 0 || first >= _databases || second < 0 || second >= _databases)
            throw RedisException.Err("DB index is out of range");
        if (first != second)
        {
            await ctx.Sql.ExecuteAllAsync([
                (MoveDatabase, [SwapScratchDb, first]),
                (MoveDatabase, [first, second]),
                (MoveDatabase, [second, SwapScratchDb])]);
        }
        ctx.Reply.WriteOk();
    }

    /// <summary>A db index beyond any configurable <c>databases</c>, where SWAPDB parks one side's rows.</summary>
    private const int SwapScratchDb = ushort.MaxValue;

    private static int DbIndex(CommandContext ctx, int index, string error) =>
        RedisNumbers.TryParseInt64(ctx.Arg(index), out var db) && db is >= int.MinValue and <= int.MaxValue
            ? (int)db
            : throw RedisException.Err(error);

    /// <summary>ASYNC and SYNC are accepted and mean the same here: rows go at once, children later.</summary>
    private static void CheckFlushMode(CommandContext ctx)
    {
        if (ctx.Count == 1 || (ctx.Count == 2 && (ctx.ArgIs(1, "ASYNC") || ctx.ArgIs(1, "SYNC")))) return;
        throw new RedisException(RedisErrors.Syntax);
    }
}
