using System.Data.Common;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Lists;

/// <summary>
/// Reads without a transaction. LLEN and LINDEX are one statement returning the key's type and the answer; LRANGE and
/// LPOS look the key up, then read by key id in one statement that computes its positions from the bounds it sees.
/// </summary>
public sealed partial class ListCommands
{
    [RedisCommand("llen", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "list", Summary = "Returns the length of a list.")]
    public async ValueTask LLen(CommandContext ctx) =>
        ctx.Reply.WriteInteger(await ReadFromKeyAsync(ctx, ListStatements.SelectKeyLength, r => r.IsDBNull(1) ? 0 : Convert.ToInt64(r.GetValue(1))));

    [RedisCommand("lindex", 3, CommandFlags.ReadOnly, 1, 1, 1, Group = "list", Summary = "Returns an element from a list by its index.")]
    public async ValueTask LIndex(CommandContext ctx)
    {
        // Redis parses the index only once it has found a list.
        if (!RedisNumbers.TryParseInt64(ctx.Arg(2), out long index))
        {
            if (await FindListAsync(ctx) is not null) throw new RedisException(RedisErrors.NotInteger);
            ctx.Reply.WriteNullBulk();
            return;
        }
        WriteElement(ctx, await ReadFromKeyAsync(ctx, ListStatements.SelectKeyIndex,
            r => r.IsDBNull(1) ? null : (byte[])r.GetValue(1), ListIndexes.Clamp(index)));
    }

    [RedisCommand("lrange", 4, CommandFlags.ReadOnly, 1, 1, 1, Group = "list", Summary = "Returns a range of elements from a list.")]
    public async ValueTask LRange(CommandContext ctx)
    {
        long start = ListIndexes.Clamp(ctx.ArgInt64(2)), stop = ListIndexes.Clamp(ctx.ArgInt64(3));
        var id = await FindListAsync(ctx);
        var values = id is null ? []
            : await ctx.Sql.QueryListAsync(ListStatements.SelectRange, r => (byte[])r.GetValue(0), id.Value, start, stop);
        ctx.Reply.WriteArrayHeader(values.Count);
        foreach (var value in values) ctx.Reply.WriteBulkString(value);
    }

    [RedisCommand("lpos", -3, CommandFlags.ReadOnly, 1, 1, 1, Group = "list", Since = "6.0.6", Summary = "Returns the index of matching elements in a list.")]
    public async ValueTask LPos(CommandContext ctx)
    {
        var options = LposOptions.Parse(ctx);
        var id = await FindListAsync(ctx);
        var indexes = id is null ? []
            : await ctx.Sql.QueryListAsync(options.FromTail ? ListStatements.SelectMatchesFromTail : ListStatements.SelectMatchesFromHead,
                r => Convert.ToInt64(r.GetValue(0)), id.Value, ctx.Arg(2), options.MaxLen, options.Skip, options.Take);
        if (!options.WithCount)
        {
            if (indexes.Count == 0) ctx.Reply.WriteNullBulk();
            else ctx.Reply.WriteInteger(indexes[0]);
            return;
        }
        ctx.Reply.WriteArrayHeader(indexes.Count);
        foreach (long index in indexes) ctx.Reply.WriteInteger(index);
    }

    /// <summary>A point read whose first column is the visible key's type (values: <paramref name="leading"/>, k, now).</summary>
    private static Task<T?> ReadFromKeyAsync<T>(CommandContext ctx, Statement statement, Func<DbDataReader, T> map, params object?[] leading) =>
        KeyLookup.ReadAsync(ctx.Sql, statement, KeyType.List, map, [.. leading, ctx.Arg(1), ctx.NowMs]);

    /// <summary>The id of the visible list at argument 1, null when absent; WRONGTYPE for another type.</summary>
    private static Task<long?> FindListAsync(CommandContext ctx) => KeyLookup.FindIdAsync(ctx.Sql, ctx.Arg(1), KeyType.List, ctx.NowMs);
}
