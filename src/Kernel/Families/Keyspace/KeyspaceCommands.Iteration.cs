using System.Data.Common;
using System.Globalization;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Storage;
using static RedisOnMySql.Kernel.Families.Keyspace.KeyspaceFamilyStatements;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>KEYS, SCAN and RANDOMKEY.</summary>
public sealed partial class KeyspaceCommands
{
    [RedisCommand("keys", 2, CommandFlags.ReadOnly, Group = "generic", Summary = "Returns all key names that match a pattern.",
        AclCategories = "@keyspace @dangerous")]
    public async ValueTask Keys(CommandContext ctx)
    {
        var pattern = new GlobPattern(ctx.Arg(1));
        var keys = await SelectKeysWithPrefixAsync(ctx, pattern.LiteralPrefix);
        var matching = keys.Where(k => pattern.IsMatch(k)).ToList();
        ctx.Reply.WriteArrayHeader(matching.Count);
        foreach (var key in matching) ctx.Reply.WriteBulkString(key);
    }

    /// <summary>
    /// The cursor is the last id returned: ids only grow and a key keeps its id while it lives (RENAME and MOVE keep
    /// it too), so a key present for the whole walk is returned exactly once.
    /// </summary>
    [RedisCommand("scan", -2, CommandFlags.ReadOnly, Group = "generic", Since = "2.8.0",
        Summary = "Iterates over the key names in the database.")]
    public async ValueTask Scan(CommandContext ctx)
    {
        ulong cursor = ScanArguments.Cursor(ctx, 1);
        var (pattern, count, type) = ScanArguments.Options(ctx, 2, allowType: true);

        var page = new List<(ulong Id, byte[] Key)>();
        // Redis 7.0 filters every key out for a type name it does not know; the walk is then empty from the start.
        if (type != null && KeyTypeNames.TryParse(type, out var keyType))
            page = await ctx.Sql.QueryListAsync(ScanPageOfType, ReadScanRow, cursor, ctx.NowMs, (byte)keyType, count);
        else if (type == null)
            page = await ctx.Sql.QueryListAsync(ScanPage, ReadScanRow, cursor, ctx.NowMs, count);

        var keys = page.Select(row => row.Key).Where(k => pattern?.IsMatch(k) ?? true).ToList();
        ctx.Reply.WriteArrayHeader(2);
        ctx.Reply.WriteBulkString(page.Count == count ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : "0");
        ctx.Reply.WriteArrayHeader(keys.Count);
        foreach (var key in keys) ctx.Reply.WriteBulkString(key);
    }

    /// <summary>
    /// A random id between the smallest and largest id of the db (both read from the index), then the first live key
    /// at or after it, wrapping to the start when everything after it has expired. Never scans the database.
    /// </summary>
    [RedisCommand("randomkey", 1, CommandFlags.ReadOnly, Group = "generic", Summary = "Returns a random key name from the database.")]
    public async ValueTask RandomKey(CommandContext ctx)
    {
        var bounds = await ctx.Sql.QueryFirstAsync(SelectIdBounds,
            r => r.IsDBNull(0) ? null : new[] { Convert.ToInt64(r.GetValue(0)), Convert.ToInt64(r.GetValue(1)) });
        byte[]? key = null;
        if (bounds is [long min, long max])
        {
            long from = Random.Shared.NextInt64(min, max + 1);
            key = await ctx.Sql.QueryFirstAsync(SelectFirstLiveFrom, r => (byte[])r.GetValue(0), from, ctx.NowMs)
                  ?? await ctx.Sql.QueryFirstAsync(SelectFirstLiveFrom, r => (byte[])r.GetValue(0), min, ctx.NowMs);
        }
        if (key == null) ctx.Reply.WriteNullBulk();
        else ctx.Reply.WriteBulkString(key);
    }

    private static Task<List<byte[]>> SelectKeysWithPrefixAsync(CommandContext ctx, byte[] prefix)
    {
        if (prefix.Length == 0) return ctx.Sql.QueryListAsync(SelectAllKeys, ReadKey, ctx.NowMs);
        var upper = KeyPrefixRange.UpperBound(prefix);
        return upper == null
            ? ctx.Sql.QueryListAsync(SelectKeysFrom, ReadKey, prefix, ctx.NowMs)
            : ctx.Sql.QueryListAsync(SelectKeysBetween, ReadKey, prefix, upper, ctx.NowMs);
    }

    private static byte[] ReadKey(DbDataReader r) => (byte[])r.GetValue(0);

    private static (ulong Id, byte[] Key) ReadScanRow(DbDataReader r) =>
        (Convert.ToUInt64(r.GetValue(0)), (byte[])r.GetValue(1));
}
