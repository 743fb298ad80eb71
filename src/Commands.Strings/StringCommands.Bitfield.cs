using RedisOnMySql.Commands.Strings.Bitmaps;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings;

/// <summary>
/// BITFIELD and BITFIELD_RO: the bytes the fields cover are read once per merged window (<see cref="SparseBytes"/>),
/// the operations run in order in memory, and only windows that changed or grow the string are written back.
/// </summary>
public sealed partial class StringCommands
{
    [RedisCommand("bitfield", -2, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "bitmap", Summary = "Performs arbitrary bitfield integer operations on strings.", Since = "3.2.0")]
    public ValueTask BitField(CommandContext ctx) => BitFieldAsync(ctx, readOnly: false);

    [RedisCommand("bitfield_ro", -2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "bitmap", Summary = "Performs arbitrary read-only bitfield integer operations on strings.", Since = "6.0.0")]
    public ValueTask BitFieldRo(CommandContext ctx) => BitFieldAsync(ctx, readOnly: true);

    private static async ValueTask BitFieldAsync(CommandContext ctx, bool readOnly)
    {
        var operations = BitfieldOperation.ParseAll(ctx.Args, 2);
        var writes = operations.Where(o => o.Writes).ToList();
        if (readOnly && writes.Count > 0) throw RedisException.Err("BITFIELD_RO only supports the GET subcommand");
        var key = ctx.Arg(1);
        var replies = await ctx.Sql.TransactionAsync(async tx =>
        {
            var value = writes.Count > 0 ? await StoredString.LockAsync(tx, key, ctx.NowMs) : await StoredString.OpenAsync(tx, key, ctx.NowMs);
            // With only GETs Redis reads the key with lookupKeyRead, which raises keymiss; BITFIELD_RO's the kernel raises.
            if (!value.HoldsString() && writes.Count == 0 && !readOnly) await tx.NotifyAsync(NotifyFlags.KeyMiss, "keymiss", key);
            long length = value.Length;
            var bytes = SparseBytes.Covering(operations.Select(o => (o.FirstByte, o.LastByte)));
            foreach (var window in bytes.Windows.Where(w => w.Start < length))
                window.Load(await value.ReadRangeAsync(window.Start, window.Bytes.Length));

            // Redis first grows the string to the last byte any SET or INCRBY reaches, even one that OVERFLOW FAIL refuses.
            long newLength = writes.Count > 0 ? Math.Max(length, writes.Max(o => o.LastByte) + 1) : length;
            bool grows = newLength > length;
            var replies = new long?[operations.Count];
            int changes = 0;
            for (int i = 0; i < operations.Count; i++)
            {
                var operation = operations[i];
                (replies[i], bool changed) = operation.Apply(bytes.Slice(operation.FirstByte, operation.LastByte));
                if (operation.Writes && replies[i] is not null && (grows || changed)) changes++;
            }

            foreach (var window in bytes.Windows)
            {
                int count = (int)Math.Clamp(newLength - window.Start, 0, window.Bytes.Length);
                if (count > 0 && (window.Start + count > length || window.Changed(count)))
                    await value.WriteRangeAsync(window.Start, window.Bytes.AsMemory(0, count));
            }
            if (changes > 0) await tx.NotifyAsync(NotifyFlags.String, "setbit", key);
            return replies;
        }, ctx.Sql.Retry.Set);

        ctx.Reply.WriteArrayHeader(replies.Length);
        foreach (var reply in replies)
        {
            if (reply is long integer) ctx.Reply.WriteInteger(integer);
            else ctx.Reply.WriteNullBulk();
        }
    }
}
