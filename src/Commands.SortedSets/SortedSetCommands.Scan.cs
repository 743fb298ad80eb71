using System.Buffers.Binary;
using System.Globalization;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>ZSCAN.</summary>
public sealed partial class SortedSetCommands
{
    /// <summary>
    /// Members are walked in hash order; the cursor holds the first 63 bits of the next page's first hash (plus one, so
    /// 0 stays "start" and "done"). A member present for the whole walk is returned at least once, as Redis promises.
    /// MATCH filters the page after it is read; scores print as Redis stores them in a small sorted set.
    /// </summary>
    [RedisCommand("zscan", -3, CommandFlags.ReadOnly, 1, 1, 1, Group = "sorted_set", Since = "2.8.0", Summary = "Iterates over members and scores of a sorted set.")]
    public async ValueTask ZScan(CommandContext ctx)
    {
        ulong cursor = ScanArguments.Cursor(ctx, 2);
        // Redis looks the key up before it reads the options: a missing key ends the walk whatever follows.
        List<ZEntry> page = [];
        ulong next = 0;
        ScanArguments? options = null;
        if (await FindAsync(ctx, ctx.Arg(1)) is { } zset)
        {
            options = ScanArguments.Options(ctx, 3);
            var from = new byte[32];
            BinaryPrimitives.WriteUInt64BigEndian(from, cursor == 0 ? 0 : (cursor - 1) << 1);
            long size = Math.Min(options.Count, int.MaxValue - 1);
            page = await ctx.Sql.QueryListAsync(ZSetStatements.ScanPage, r => ZEntry.Read(r), zset.Id, from, size + 1);
            if (page.Count > size)
            {
                next = (BinaryPrimitives.ReadUInt64BigEndian(page[^1].Member.Hash) >> 1) + 1;
                page.RemoveAt(page.Count - 1);
            }
        }
        var shown = page.Where(e => options?.Matches(e.Member.Value) ?? true).ToList();
        ctx.Reply.WriteArrayHeader(2);
        ctx.Reply.WriteBulkString(next.ToString(CultureInfo.InvariantCulture));
        ctx.Reply.WriteArrayHeader(shown.Count * 2);
        foreach (var entry in shown)
        {
            ctx.Reply.WriteBulkString(entry.Member.Value);
            ctx.Reply.WriteBulkString(ScoreText.FormatStored(entry.Score));
        }
    }
}
