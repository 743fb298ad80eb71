using System.Text;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Hashes;

/// <summary>
/// HSCAN: the cursor is the seq of the last field returned, so a walk returns every field exactly once while nothing
/// changes, and fields added during a walk are returned if they come after the cursor. MATCH filters each page.
/// </summary>
public sealed partial class HashCommands
{
    [RedisCommand("hscan", -3, CommandFlags.ReadOnly, 1, 1, 1, Group = "hash", Summary = "Iterates over fields and values of a hash.", Since = "2.8.0")]
    public async ValueTask HScan(CommandContext ctx)
    {
        // Redis's order: the cursor, the key (a missing key answers an empty scan whatever the options), the options.
        ulong cursor = ScanArguments.Cursor(ctx, 2);
        var id = await FindHashAsync(ctx);
        if (id is null)
        {
            WriteScanReply(ctx, 0, []);
            return;
        }
        var options = ScanArguments.Options(ctx, 3);
        long count = options.Count;

        var rows = await ctx.Sql.QueryListAsync(HashStatements.ScanFields,
            r => (Seq: Convert.ToUInt64(r.GetValue(0)), Field: (byte[])r.GetValue(1), Value: (byte[])r.GetValue(2)),
            id.Value, cursor, count);
        ulong next = rows.Count < count ? 0 : rows[^1].Seq;
        var matching = rows.Where(r => options.Matches(r.Field)).Select(r => (r.Field, r.Value)).ToList();
        WriteScanReply(ctx, next, matching);
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
