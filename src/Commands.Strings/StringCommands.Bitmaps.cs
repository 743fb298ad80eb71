using RedisOnMySql.Commands.Strings.Bitmaps;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Strings;

/// <summary>
/// SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP: each reads or writes only the bytes it needs through
/// <see cref="StoredString"/>, so a 512 MB bitmap is never held in memory whole.
/// </summary>
public sealed partial class StringCommands
{
    [RedisCommand("setbit", 4, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "bitmap", Summary = "Sets or clears the bit at offset of the string value. Creates the key if it doesn't exist.", Since = "2.2.0")]
    public ValueTask SetBit(CommandContext ctx)
    {
        long offset = BitOffset.Parse(ctx.Arg(2));
        if (!RedisNumbers.TryParseInt64(ctx.Arg(3), out var on) || on is not (0 or 1))
            throw RedisException.Err("bit is not an integer or out of range");
        return ctx.RunPlanAsync(SetBitPlan(ctx, offset, on == 1));
    }

    /// <summary>A SETBIT whose arguments parse; the handler reports the others.</summary>
    [CommandPlan("setbit")]
    public CommandPlan? PlanSetBit(CommandContext ctx) =>
        BitOffset.TryParse(ctx.Arg(2), out var offset) && RedisNumbers.TryParseInt64(ctx.Arg(3), out var on) && on is 0 or 1
            ? SetBitPlan(ctx, offset, on == 1)
            : null;

    private static CommandPlan SetBitPlan(CommandContext ctx, long offset, bool on) =>
        new(StringStatements.LockString, [ctx.Arg(1), offset, on, ctx.NowMs], PlanReplies.IntegerOrError)
        {
            Merge = SetBitsTogether, Key = ctx.Arg(1),
        };

    /// <summary>Pipelined and concurrent SETBITs of a tenant and db share one transaction: per key one lock, one read of the chunks they touch, one write.</summary>
    private static readonly SharedTransaction SetBitsTogether = new(SetAllBitsAsync, policies => policies.Set);

    /// <summary>
    /// The SETBITs of a batch, key by key in key order, each in arrival order on the bytes the ones before it left, as
    /// they would run one after the other.
    /// </summary>
    private static async Task<object?[]?[]> SetAllBitsAsync(ISqlRunner tx, IReadOnlyList<CommandPlan> plans)
    {
        var replies = new object?[]?[plans.Count];
        var byKey = SharedTransaction.ByKey(plans);
        foreach (var commands in byKey)
        {
            var value = await StoredString.LockAsync(tx, commands.Key, commands.Max(i => (long)plans[i].Values[^1]!));
            long length;
            try
            {
                length = value.Length;
            }
            catch (RedisException e)
            {
                foreach (int i in commands) replies[i] = PlanReplies.Error(e.Message);
                continue;
            }
            await value.PrefetchAsync(commands.Select(i => (long)plans[i].Values[1]! >> 3));
            var written = new SortedDictionary<long, byte>();
            int changes = 0;
            foreach (int i in commands)
            {
                long offset = (long)plans[i].Values[1]!, index = offset >> 3;
                bool on = (bool)plans[i].Values[2]!;
                bool grows = index >= length;
                // Bytes past the stored length (grown by an earlier SETBIT of the batch, or not at all) are zeros.
                if (!written.TryGetValue(index, out var current))
                    current = index < value.Length ? (await value.ReadRangeAsync(index, 1))[0] : (byte)0;
                int mask = 0x80 >> (int)(offset & 7);
                bool set = (current & mask) != 0;
                // Redis writes (and raises setbit) when the string grows or the bit changes.
                if (grows || set != on)
                {
                    written[index] = (byte)(on ? current | mask : current & ~mask);
                    length = Math.Max(length, index + 1);
                    changes++;
                }
                replies[i] = [set ? 1L : 0L];
            }
            // The write raises new for a key it creates, before the setbit events, as the first SETBIT would.
            await value.WriteBytesAsync(written);
            for (int n = 0; n < changes; n++) await tx.NotifyAsync(NotifyFlags.String, "setbit", commands.Key);
        }
        return replies;
    }

    [RedisCommand("getbit", 3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "bitmap", Summary = "Returns a bit value by offset.", Since = "2.2.0")]
    public ValueTask GetBit(CommandContext ctx) => ctx.RunPlanAsync(GetBitPlan(ctx, BitOffset.Parse(ctx.Arg(2))));

    /// <summary>A GETBIT whose offset parses is one statement, whether the value is inline or in chunks.</summary>
    [CommandPlan("getbit")]
    public CommandPlan? PlanGetBit(CommandContext ctx) => BitOffset.TryParse(ctx.Arg(2), out var offset) ? GetBitPlan(ctx, offset) : null;

    private static CommandPlan GetBitPlan(CommandContext ctx, long offset)
    {
        long index = offset >> 3;
        int mask = 0x80 >> (int)(offset & 7);
        return new(StringStatements.SelectByte,
            [index % StringChunks.Size + 1, StringChunks.IndexOf(index), index + 1, ctx.Arg(1), ctx.NowMs],
            (reply, row) =>
            {
                if (row is not null && (KeyType)Convert.ToByte(row[0]) != KeyType.String) reply.WriteError(RedisErrors.WrongType);
                else reply.WriteInteger(row?[1] is byte[] { Length: 1 } b && (b[0] & mask) != 0 ? 1 : 0);
            });
    }

    [RedisCommand("bitcount", -2, CommandFlags.ReadOnly, 1, 1, 1, Group = "bitmap", Summary = "Counts the number of set bits (population counting) in a string.", Since = "2.6.0")]
    public async ValueTask BitCount(CommandContext ctx)
    {
        long count = await ctx.Sql.TransactionAsync(async tx =>
        {
            var value = await StoredString.OpenAsync(tx, ctx.Arg(1), ctx.NowMs);
            // Redis answers 0 for a missing key before it looks at the range.
            if (!value.HoldsString()) return 0;
            var range = BitCountRange(ctx, value.Length);
            if (range.IsEmpty) return 0;
            var counter = new BitCounter(range);
            await foreach (var piece in value.ScanAsync(range.FirstByte, range.EndByte)) counter.Add(piece.Span);
            return counter.Count;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(count);
    }

    [RedisCommand("bitpos", -3, CommandFlags.ReadOnly, 1, 1, 1, Group = "bitmap", Summary = "Finds the first set (1) or clear (0) bit in a string.", Since = "2.8.7")]
    public async ValueTask BitPos(CommandContext ctx)
    {
        long bit = ctx.ArgInt64(2);
        if (bit is not (0 or 1)) throw RedisException.Err("The bit argument must be 1 or 0.");
        long position = await ctx.Sql.TransactionAsync(async tx =>
        {
            var value = await StoredString.OpenAsync(tx, ctx.Arg(1), ctx.NowMs);
            // A missing key is an endless run of zeros, before Redis looks at the range.
            if (!value.HoldsString()) return bit == 1 ? -1 : 0;
            var range = BitPosRange(ctx, value.Length);
            if (range.IsEmpty) return -1;
            var finder = new BitPositionFinder(range, (int)bit);
            await foreach (var piece in value.ScanAsync(range.FirstByte, range.EndByte))
                if (finder.Search(piece.Span)) break;
            return finder.Position(endGiven: ctx.Count >= 5);
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(position);
    }

    [RedisCommand("bitop", -4, CommandFlags.Write | CommandFlags.DenyOom, 2, -1, 1, Group = "bitmap", Summary = "Performs bitwise operations on multiple strings, and stores the result.", Since = "2.6.0")]
    public async ValueTask BitOp(CommandContext ctx)
    {
        var op = BitwiseOperator.Parse(ctx.Arg(1));
        if (op == BitwiseOperator.Not && ctx.Count != 4) throw RedisException.Err("BITOP NOT must be called with a single source key.");
        var destination = ctx.Arg(2);
        var sourceKeys = ctx.Args.Skip(3).ToList();
        long? length = await ctx.Sql.TransactionAsync(async tx =>
        {
            var locked = new Dictionary<byte[], StoredString>(KeyBytesComparer.Instance);
            foreach (var key in KeyList.Sorted([destination, .. sourceKeys]).Keys)
                locked[key] = await StoredString.LockAsync(tx, key, ctx.NowMs);
            var sources = sourceKeys.Select(k => locked[k]).ToList();
            // Redis looks the sources up in order, raising keymiss for each missing one, until one is not a string.
            int wrongType = sources.FindIndex(s => s.Exists && !s.IsString);
            foreach (var source in sources.Take(wrongType < 0 ? sources.Count : wrongType).Where(s => !s.Exists))
                await tx.NotifyAsync(NotifyFlags.KeyMiss, "keymiss", source.Key);
            if (wrongType >= 0) return null;

            var lengths = sources.Select(s => s.Length).ToList();
            long length = lengths.Max();
            var target = locked[destination];
            if (length == 0)
            {
                if (!target.Exists) return 0;
                await target.DeleteAsync();
                await tx.NotifyAsync(NotifyFlags.Generic, "del", destination);
                return 0;
            }
            // A destination that is also a source gets an instance of its own, so the source keeps reading the old bytes.
            if (sourceKeys.Contains(destination, KeyBytesComparer.Instance)) target = await StoredString.LockAsync(tx, destination, ctx.NowMs);
            await target.ReplaceAsync(length, (offset, window) => FillBitOpAsync(op, sources, lengths, offset, window));
            await tx.NotifyAsync(NotifyFlags.String, "set", destination);
            return (long?)length;
        }, ctx.Sql.Retry.Set);
        // The keymiss events before the wrong type are committed with nothing else, as Redis has raised them.
        ctx.Reply.WriteInteger(length ?? throw new RedisException(RedisErrors.WrongType));
    }

    /// <summary>Computes one window of BITOP's result (<see cref="StoredString.ReplaceAsync(long, Func{long, Memory{byte}, Task})"/> bounds its size), reading the same window of each source.</summary>
    private static async Task FillBitOpAsync(BitwiseOperator op, List<StoredString> sources, List<long> lengths, long offset, Memory<byte> window)
    {
        for (int i = 0; i < sources.Count; i++)
        {
            var bytes = lengths[i] > offset ? await sources[i].ReadRangeAsync(offset, window.Length) : [];
            if (i == 0) op.Start(window.Span, bytes);
            else op.Combine(window.Span, bytes);
        }
    }

    /// <summary>BITCOUNT key [start end [BYTE|BIT]], with Redis's checks in Redis's order.</summary>
    private static BitRange BitCountRange(CommandContext ctx, long length)
    {
        if (ctx.Count == 2) return BitRange.Whole(length);
        if (ctx.Count is not (4 or 5)) throw new RedisException(RedisErrors.Syntax);
        long start = ctx.ArgInt64(2), end = ctx.ArgInt64(3);
        // Both negative and inverted is empty whatever the unit, which Redis then does not check.
        if (start < 0 && end < 0 && start > end) return BitRange.Empty;
        return BitRange.Resolve(start, end, ctx.Count == 5 ? BitRange.ParseUnit(ctx.Arg(4)) : BitUnit.Byte, length);
    }

    /// <summary>BITPOS key bit [start [end [BYTE|BIT]]], with Redis's checks in Redis's order.</summary>
    private static BitRange BitPosRange(CommandContext ctx, long length)
    {
        if (ctx.Count == 3) return BitRange.Whole(length);
        if (ctx.Count > 6) throw new RedisException(RedisErrors.Syntax);
        long start = ctx.ArgInt64(3);
        var unit = ctx.Count == 6 ? BitRange.ParseUnit(ctx.Arg(5)) : BitUnit.Byte;
        long end = ctx.Count >= 5 ? ctx.ArgInt64(4) : -1;
        return BitRange.Resolve(start, end, unit, length);
    }
}
