using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Strings;

/// <summary>MGET, MSET, MSETNX.</summary>
public sealed partial class StringCommands
{
    [RedisCommand("mget", -2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, -1, 1, Group = "string", Summary = "Atomically returns the string values of one or more keys.")]
    public async ValueTask MGet(CommandContext ctx)
    {
        var keys = ctx.Args.Skip(1).ToList();
        var rows = await ReadStringRowsAsync(ctx, keys);
        ctx.Reply.WriteArrayHeader(keys.Count);
        foreach (var key in keys) WriteValue(ctx, rows.TryGetValue(key, out var row) && row.Type == KeyType.String ? row.Value : null);
    }

    [RedisCommand("mset", -3, CommandFlags.Write | CommandFlags.DenyOom, 1, -1, 2, Group = "string", Summary = "Atomically creates or modifies the string values of one or more keys.", Since = "1.0.1")]
    public async ValueTask MSet(CommandContext ctx)
    {
        if (PlanMSet(ctx) is { } plan)
        {
            await ctx.RunPlanAsync(plan);
            return;
        }
        var pairs = KeyValuePairs(ctx);
        await ctx.Sql.TransactionAsync(async tx =>
        {
            foreach (var key in await StoredString.LockAllAsync(tx, KeyList.Sorted(pairs.Keys), ctx.NowMs))
                await key.SetAsync(pairs[key.Key], null);
            for (int i = 1; i < ctx.Count; i += 2) await tx.NotifyAsync(NotifyFlags.String, "set", ctx.Arg(i));
            return true;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteOk();
    }

    /// <summary>
    /// MSET joins the SETs' multi-row upsert, whole: one statement, or one transaction when it names more keys than
    /// one statement takes. An odd argument count or a big value goes through the handler.
    /// </summary>
    [CommandPlan("mset")]
    public CommandPlan? PlanMSet(CommandContext ctx)
    {
        if (ctx.Count % 2 == 0) return null;
        for (int i = 2; i < ctx.Count; i += 2)
        {
            if (ctx.Arg(i).Length > StringChunks.InlineMax) return null;
        }
        var rows = new object?[(ctx.Count - 1) / 2 * 3];
        for (int i = 1, row = 0; i < ctx.Count; i += 2, row += 3)
        {
            rows[row] = ctx.Arg(i);
            rows[row + 1] = ctx.Arg(i + 1);
        }
        return new(KeyspaceStatements.UpsertStrings(1), rows, ReplyOk) { Merge = SetByKeys, Notify = SetEvent };
    }

    [RedisCommand("msetnx", -3, CommandFlags.Write | CommandFlags.DenyOom, 1, -1, 2, Group = "string", Summary = "Atomically modifies the string values of one or more keys only when all keys don't exist.", Since = "1.0.1")]
    public async ValueTask MSetNx(CommandContext ctx)
    {
        var pairs = KeyValuePairs(ctx);
        var keys = KeyList.Sorted(pairs.Keys);
        var written = await ctx.Sql.TransactionAsync(async tx =>
        {
            var locked = await StoredString.LockAllAsync(tx, keys, ctx.NowMs);
            if (locked.Any(k => k.Exists)) return false;
            foreach (var key in locked) await key.SetAsync(pairs[key.Key], null);
            // One set per pair in argument order, a repeated key included, as Redis raises them.
            for (int i = 1; i < ctx.Count; i += 2) await tx.NotifyAsync(NotifyFlags.String, "set", ctx.Arg(i));
            return true;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(written ? 1 : 0);
    }

    /// <summary>
    /// The types of the visible keys among <paramref name="keys"/>, with the values of strings (big ones read from
    /// their chunks): one statement per <see cref="InListShape.MaxPerStatement"/> distinct keys.
    /// </summary>
    private static async Task<Dictionary<byte[], (KeyType Type, byte[]? Value)>> ReadStringRowsAsync(CommandContext ctx, IEnumerable<byte[]> keys)
    {
        var found = new Dictionary<byte[], (KeyType Type, byte[]? Value)>(KeyBytesComparer.Instance);
        foreach (var chunk in InListShape.PaddedChunks(KeyList.Sorted(keys).Keys))
        {
            var rows = await ctx.Sql.QueryListAsync(StringStatements.SelectMany(chunk.Length),
                r => (Key: (byte[])r.GetValue(0), Type: (KeyType)Convert.ToByte(r.GetValue(1)), Value: r.IsDBNull(2) ? null : (byte[])r.GetValue(2),
                    Id: Convert.ToInt64(r.GetValue(3))),
                [.. chunk, ctx.NowMs]);
            foreach (var row in rows)
            {
                if (row.Type != KeyType.String || row.Value is not null) found[row.Key] = (row.Type, row.Value);
                else if (await BigStringReader.ReadAsync(ctx.Sql, row.Key, row.Id, ctx.NowMs) is { } big) found[row.Key] = big;
            }
        }
        return found;
    }

    /// <summary>key value [key value ...] from argument 1; for a repeated key the last value wins, as in Redis.</summary>
    private static Dictionary<byte[], byte[]> KeyValuePairs(CommandContext ctx)
    {
        if (ctx.Count % 2 == 0) throw new RedisException(RedisErrors.WrongArity(ctx.Command.Name));
        var pairs = new Dictionary<byte[], byte[]>(KeyBytesComparer.Instance);
        for (int i = 1; i < ctx.Count; i += 2) pairs[ctx.Arg(i)] = ctx.Arg(i + 1);
        return pairs;
    }
}
