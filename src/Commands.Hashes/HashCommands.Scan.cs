using System.Text;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Hashes;

/// <summary>
/// HSCAN: the cursor is the seq of the last field returned, so a walk returns every field exactly once while nothing
/// changes, and fields added during a walk are returned if they come after the cursor. MATCH filters each page.
/// </summary>
public sealed partial class HashCommands
{
    private const long DefaultScanCount = 10;

    [RedisCommand("hscan", -3, CommandFlags.ReadOnly, 1, 1, 1, Group = "hash", Summary = "Iterates over fields and values of a hash.", Since = "2.8.0")]
    public async ValueTask HScan(CommandContext ctx)
    {
        // Redis's order: the cursor, the key (a missing key answers an empty scan whatever the options), the options.
        if (!ulong.TryParse(ctx.Arg(2), System.Globalization.NumberStyles.None, null, out var cursor))
            throw RedisException.Err("invalid cursor");
        var id = await FindHashAsync(ctx);
        if (id is null)
        {
            WriteScanReply(ctx, 0, []);
            return;
        }
        var (pattern, count) = ReadScanOptions(ctx);

        var rows = await ctx.Sql.QueryListAsync(HashStatements.ScanFields,
            r => (Seq: Convert.ToUInt64(r.GetValue(0)), Field: (byte[])r.GetValue(1), Value: (byte[])r.GetValue(2)),
            id.Value, cursor, count);
        ulong next = rows.Count < count ? 0 : rows[^1].Seq;
        var matching = rows.Where(r => pattern is null || pattern.IsMatch(r.Field)).Select(r => (r.Field, r.Value)).ToList();
        WriteScanReply(ctx, next, matching);
    }

    private static (GlobPattern? Pattern, long Count) ReadScanOptions(CommandContext ctx)
    {
        GlobPattern? pattern = null;
        long count = DefaultScanCount;
        for (int i = 3; i < ctx.Count; i += 2)
        {
            if (i + 1 >= ctx.Count) throw new RedisException(RedisErrors.Syntax);
            if (ctx.ArgIs(i, "COUNT"))
            {
                count = ctx.ArgInt64(i + 1);
                if (count < 1) throw new RedisException(RedisErrors.Syntax);
            }
            else if (ctx.ArgIs(i, "MATCH"))
            {
                pattern = new GlobPattern(ctx.Arg(i + 1));
            }
            else
            {
                throw new RedisException(RedisErrors.Syntax);
            }
        }
        return (pattern is { MatchesEverything: true } ? null : pattern, count);
    }

    private static void WriteScanReply(CommandContext ctx, ulong cursor, List<(byte[] Field, byte[] Value)> fields)
    {
        ctx.Reply.WriteArrayHeader(2);
        ctx.Reply.WriteBulkString(Encoding.ASCII.GetBytes(cursor.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        ctx.Reply.WriteArrayHeader(fields.Count * 2);
        foreach (var (field, value) in fields)
        {
            ctx.Reply.WriteBulkString(field);
            ctx.Reply.WriteBulkString(value);
        }
    }
}
