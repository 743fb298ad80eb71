using System.Data.Common;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Hashes;

/// <summary>
/// Reads without a transaction. Point reads (HGET, HEXISTS, HSTRLEN, and HLEN from the size row) are one statement returning the key's type
/// and the answer; reads of many fields look the key up first, then read its fields by id in insertion order.
/// </summary>
public sealed partial class HashCommands
{
    [RedisCommand("hget", 3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "hash", Summary = "Returns the value of a field in a hash.", Since = "2.0.0")]
    public async ValueTask HGet(CommandContext ctx)
    {
        var value = await ReadFromKeyAsync(ctx, HashStatements.SelectKeyFieldValue,
            r => r.IsDBNull(1) ? null : (byte[])r.GetValue(1), FieldList.HashOf(ctx.Arg(2)));
        WriteValue(ctx, value);
    }

    [RedisCommand("hexists", 3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "hash", Summary = "Determines whether a field exists in a hash.", Since = "2.0.0")]
    public async ValueTask HExists(CommandContext ctx)
    {
        bool exists = await ReadFromKeyAsync(ctx, HashStatements.SelectKeyFieldExists,
            r => Convert.ToInt64(r.GetValue(1)) != 0, FieldList.HashOf(ctx.Arg(2)));
        ctx.Reply.WriteInteger(exists ? 1 : 0);
    }

    [RedisCommand("hstrlen", 3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "hash", Summary = "Returns the length of the value of a field.", Since = "3.2.0")]
    public async ValueTask HStrLen(CommandContext ctx) =>
        ctx.Reply.WriteInteger(await ReadFromKeyAsync(ctx, HashStatements.SelectKeyFieldLength,
            r => r.IsDBNull(1) ? 0 : Convert.ToInt64(r.GetValue(1)), FieldList.HashOf(ctx.Arg(2))));

    [RedisCommand("hlen", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "hash", Summary = "Returns the number of fields in a hash.", Since = "2.0.0")]
    public async ValueTask HLen(CommandContext ctx) =>
        ctx.Reply.WriteInteger(await ReadFromKeyAsync(ctx, HashStatements.Sizes.SelectKeySize, r => r.IsDBNull(1) ? 0 : Convert.ToInt64(r.GetValue(1))));

    [RedisCommand("hmget", -3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "hash", Summary = "Returns the values of all fields in a hash.", Since = "2.0.0")]
    public async ValueTask HMGet(CommandContext ctx)
    {
        var id = await FindHashAsync(ctx);
        var found = new Dictionary<string, byte[]>();
        if (id is not null)
        {
            foreach (var chunk in FieldList.Of(ctx, 2).Chunks())
            {
                var rows = await ctx.Sql.QueryListAsync(HashStatements.SelectValues(chunk.Shape),
                    r => (Hash: (byte[])r.GetValue(0), Value: (byte[])r.GetValue(1)), chunk.BindHashes(id.Value));
                foreach (var (hash, value) in rows) found[Convert.ToHexString(hash)] = value;
            }
        }
        ctx.Reply.WriteArrayHeader(ctx.Count - 2);
        for (int i = 2; i < ctx.Count; i++)
            WriteValue(ctx, found.GetValueOrDefault(Convert.ToHexString(FieldList.HashOf(ctx.Arg(i)))));
    }

    [RedisCommand("hgetall", 2, CommandFlags.ReadOnly, 1, 1, 1, Group = "hash", Summary = "Returns all fields and values in a hash.", Since = "2.0.0")]
    public async ValueTask HGetAll(CommandContext ctx)
    {
        var rows = await ReadFieldsAsync(ctx, HashStatements.SelectAll, r => (Field: (byte[])r.GetValue(0), Value: (byte[])r.GetValue(1)));
        ctx.Reply.WriteArrayHeader(rows.Count * 2);
        foreach (var (field, value) in rows)
        {
            ctx.Reply.WriteBulkString(field);
            ctx.Reply.WriteBulkString(value);
        }
    }

    [RedisCommand("hkeys", 2, CommandFlags.ReadOnly, 1, 1, 1, Group = "hash", Summary = "Returns all fields in a hash.", Since = "2.0.0")]
    public ValueTask HKeys(CommandContext ctx) => WriteColumnAsync(ctx, HashStatements.SelectFieldNames);

    [RedisCommand("hvals", 2, CommandFlags.ReadOnly, 1, 1, 1, Group = "hash", Summary = "Returns all values in a hash.", Since = "2.0.0")]
    public ValueTask HVals(CommandContext ctx) => WriteColumnAsync(ctx, HashStatements.SelectFieldValues);

    private static async ValueTask WriteColumnAsync(CommandContext ctx, Statement statement)
    {
        var values = await ReadFieldsAsync(ctx, statement, r => (byte[])r.GetValue(0));
        ctx.Reply.WriteArrayHeader(values.Count);
        foreach (var value in values) ctx.Reply.WriteBulkString(value);
    }

    /// <summary>A point read whose first column is the visible key's type (values: <paramref name="leading"/>, k, now).</summary>
    private static Task<T?> ReadFromKeyAsync<T>(CommandContext ctx, Statement statement, Func<DbDataReader, T> map, params object?[] leading) =>
        KeyLookup.ReadAsync(ctx.Sql, statement, KeyType.Hash, map, [.. leading, ctx.Arg(1), ctx.NowMs]);

    /// <summary>The rows <paramref name="statement"/> (params: key_id) reads from the hash at argument 1; none when it is absent.</summary>
    private static async Task<List<T>> ReadFieldsAsync<T>(CommandContext ctx, Statement statement, Func<DbDataReader, T> map)
    {
        var id = await FindHashAsync(ctx);
        return id is null ? [] : await ctx.Sql.QueryListAsync(statement, map, id.Value);
    }

    /// <summary>The id of the visible hash at argument 1, null when absent; WRONGTYPE for another type.</summary>
    private static Task<long?> FindHashAsync(CommandContext ctx) => KeyLookup.FindIdAsync(ctx.Sql, ctx.Arg(1), KeyType.Hash, ctx.NowMs);

    private static void WriteValue(CommandContext ctx, byte[]? value)
    {
        if (value is null) ctx.Reply.WriteNullBulk();
        else ctx.Reply.WriteBulkString(value);
    }
}
