using System.Text;
using RedisOnMySql.Commands.Strings.HyperLogLog;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Strings;

/// <summary>
/// PFADD, PFCOUNT, PFMERGE, PFDEBUG: HyperLogLogs are strings holding Redis's own bytes (see HyperLogLog/), read and
/// rewritten whole under the key's row lock. A failing command writes nothing.
/// </summary>
public sealed partial class StringCommands
{
    [RedisCommand("pfadd", -2, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "hyperloglog", Summary = "Adds the specified elements to the specified HyperLogLog.", Since = "2.8.9")]
    public ValueTask PfAdd(CommandContext ctx) => ctx.RunPlanAsync(PlanPfAdd(ctx));

    [CommandPlan("pfadd")]
    public CommandPlan PlanPfAdd(CommandContext ctx) =>
        new(StringStatements.LockString, [ctx.Arg(1), ctx.Args.Skip(2).ToArray(), SparseMaxBytes, ctx.NowMs], PlanReplies.IntegerOrError)
        {
            Merge = AddsTogether, Key = ctx.Arg(1),
        };

    /// <summary>Pipelined and concurrent PFADDs of a tenant and db share one transaction: per key one read and one write.</summary>
    private static readonly SharedTransaction AddsTogether = new(AddAllAsync, policies => policies.Set);

    /// <summary>
    /// The PFADDs of a batch, key by key in key order, each in arrival order on what those before it added. One that
    /// fails (a corrupt value) changes nothing, as alone it would write nothing.
    /// </summary>
    private static async Task<object?[]?[]> AddAllAsync(ISqlRunner tx, IReadOnlyList<CommandPlan> plans)
    {
        var replies = new object?[]?[plans.Count];
        var byKey = SharedTransaction.ByKey(plans);
        foreach (var commands in byKey)
        {
            var stored = await StoredString.LockAsync(tx, commands.Key, commands.Max(i => (long)plans[i].Values[^1]!));
            // The batch's commands were planned under one hll-sparse-max-bytes, or very nearly.
            long sparseMax = (long)plans[commands.First()].Values[2]!;
            HllValue? existing;
            try
            {
                existing = await ReadHllAsync(stored, sparseMax);
            }
            catch (RedisException e)
            {
                foreach (int i in commands) replies[i] = PlanReplies.Error(e.Message);
                continue;
            }
            var hll = existing ?? HllValue.CreateEmpty(sparseMax);
            // Creating the key counts as a change even with no elements, as in Redis.
            bool create = existing is null;
            int changes = 0;
            foreach (int i in commands)
            {
                // Only a sparse value can turn out corrupt halfway: it is small, so a copy to return to is cheap.
                byte[]? before = hll.Encoding == HllEncoding.Sparse ? hll.Bytes.ToArray() : null;
                try
                {
                    bool updated = create;
                    foreach (var element in (byte[][])plans[i].Values[1]!) updated |= hll.Add(element);
                    create = false;
                    if (updated) changes++;
                    replies[i] = [updated ? 1L : 0L];
                }
                catch (RedisException e)
                {
                    replies[i] = PlanReplies.Error(e.Message);
                    if (before is not null) hll = HllValue.Wrap(before, sparseMax);
                }
            }
            if (changes == 0) continue;
            hll.MarkStale();
            await stored.ReplaceAsync(hll.Bytes, keepTtl: true);
            for (int n = 0; n < changes; n++) await tx.NotifyAsync(NotifyFlags.String, "pfadd", commands.Key);
        }
        return replies;
    }

    [RedisCommand("pfcount", -2, CommandFlags.ReadOnly, 1, -1, 1, Group = "hyperloglog", Summary = "Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).", Since = "2.8.9")]
    public async ValueTask PfCount(CommandContext ctx)
    {
        var cardinality = ctx.Count == 2 ? await CountOneAsync(ctx, ctx.Arg(1)) : await CountUnionAsync(ctx);
        // Redis replies with a signed integer, so an estimate with the top bit set shows negative there too.
        ctx.Reply.WriteInteger(unchecked((long)cardinality));
    }

    /// <summary>The cached cardinality when it is fresh; otherwise the estimate, which is cached in the value.</summary>
    private Task<ulong> CountOneAsync(CommandContext ctx, byte[] key) => ctx.Sql.TransactionAsync(async tx =>
    {
        var stored = await StoredString.LockAsync(tx, key, ctx.NowMs);
        var header = await ReadHllHeaderAsync(stored);
        if (header is null) return 0UL;
        if (HllHeader.TryReadCardinality(header, out var cached)) return cached;
        var cardinality = (await ReadValueAsync(stored, SparseMaxBytes)).Count();
        await stored.WriteRangeAsync(HllHeader.CardinalityOffset, HllHeader.CardinalityBytes(cardinality));
        return cardinality;
    }, ctx.Sql.Retry.Set);

    /// <summary>The estimate of the union of several keys (a missing one counts as empty); nothing is written.</summary>
    private Task<ulong> CountUnionAsync(CommandContext ctx) => ctx.Sql.TransactionAsync(async tx =>
    {
        var keys = await OpenKeysAsync(tx, ctx, written: null);
        var union = new HllUnion();
        for (int i = 1; i < ctx.Count; i++)
            if (await ReadHllAsync(keys[ctx.Arg(i)], SparseMaxBytes) is { } value) union.Add(value);
        return union.Count();
    }, ctx.Sql.Retry.Set);

    [RedisCommand("pfmerge", -2, CommandFlags.Write | CommandFlags.DenyOom, 1, -1, 1, Group = "hyperloglog", Summary = "Merge N different HyperLogLogs into a single one.", Since = "2.8.9")]
    public async ValueTask PfMerge(CommandContext ctx)
    {
        var destination = ctx.Arg(1);
        await ctx.Sql.TransactionAsync(async tx =>
        {
            var keys = await OpenKeysAsync(tx, ctx, written: destination);
            var union = new HllUnion();
            HllValue? target = null;
            // The destination is an input too, and Redis looks every input up as a read (keymiss when missing).
            for (int i = 1; i < ctx.Count; i++)
            {
                var value = await ReadHllAsync(keys[ctx.Arg(i)], SparseMaxBytes);
                if (value is null)
                {
                    await tx.NotifyAsync(NotifyFlags.KeyMiss, "keymiss", ctx.Arg(i));
                    continue;
                }
                union.Add(value);
                if (i == 1) target = value;
            }
            target ??= HllValue.CreateEmpty(SparseMaxBytes);
            if (union.HasDense) target.ToDense();
            union.RaiseInto(target);
            target.MarkStale();
            await keys[destination].ReplaceAsync(target.Bytes, keepTtl: true);
            // Redis raises pfadd for a merge: in effect a mass add.
            await tx.NotifyAsync(NotifyFlags.String, "pfadd", destination);
            return true;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteOk();
    }

    [RedisCommand("pfdebug", 3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Admin, 2, 2, 1, Group = "hyperloglog", Summary = "Internal commands for debugging HyperLogLog values", Since = "2.8.9")]
    public async ValueTask PfDebug(CommandContext ctx)
    {
        var key = ctx.Arg(2);
        bool makesDense = ctx.ArgIs(1, "GETREG") || ctx.ArgIs(1, "TODENSE");
        // Redis checks the key before the subcommand, and GETREG and TODENSE store the dense form.
        var (hll, converted) = await ctx.Sql.TransactionAsync(async tx =>
        {
            var stored = await StoredString.LockAsync(tx, key, ctx.NowMs);
            var hll = await ReadHllAsync(stored, SparseMaxBytes) ?? throw RedisException.Err("The specified key does not exist");
            bool converted = makesDense && hll.ToDense();
            if (converted) await stored.ReplaceAsync(hll.Bytes, keepTtl: true);
            return (hll, converted);
        }, ctx.Sql.Retry.Set);

        if (ctx.ArgIs(1, "GETREG"))
        {
            ctx.Reply.WriteArrayHeader(HllValue.RegisterCount);
            for (int i = 0; i < HllValue.RegisterCount; i++) ctx.Reply.WriteInteger(hll.Register(i));
        }
        else if (ctx.ArgIs(1, "TODENSE"))
        {
            ctx.Reply.WriteInteger(converted ? 1 : 0);
        }
        else if (ctx.ArgIs(1, "ENCODING"))
        {
            ctx.Reply.WriteSimpleString(hll.Encoding == HllEncoding.Dense ? "dense" : "sparse");
        }
        else if (ctx.ArgIs(1, "DECODE"))
        {
            if (hll.Encoding != HllEncoding.Sparse) throw RedisException.Err("HLL encoding is not sparse");
            ctx.Reply.WriteBulkString(hll.DescribeSparse());
        }
        else
        {
            // Redis formats the name as a C string, so it ends at a zero byte.
            var name = ctx.Arg(1).AsSpan();
            int end = name.IndexOf((byte)0);
            throw RedisException.Err($"Unknown PFDEBUG subcommand '{Encoding.UTF8.GetString(end < 0 ? name : name[..end])}'");
        }
    }

    /// <summary>
    /// The HyperLogLog at a key, null when there is none: WRONGTYPE for another type, and Redis's own WRONGTYPE text for
    /// a string that is not a HyperLogLog (isHLLObjectOrReply).
    /// </summary>
    private static async Task<HllValue?> ReadHllAsync(StoredString stored, long sparseMax) =>
        await ReadHllHeaderAsync(stored) is null ? null : await ReadValueAsync(stored, sparseMax);

    /// <summary>
    /// The header of the HyperLogLog at a key, null when there is none; the checks need only the header and the length,
    /// so a long string that is not a HyperLogLog is never read whole.
    /// </summary>
    private static async Task<byte[]?> ReadHllHeaderAsync(StoredString stored)
    {
        if (!stored.Exists) return null;
        long length = stored.Length;
        var header = await stored.ReadRangeAsync(0, HllHeader.Size);
        if (!HllHeader.IsValid(header, length)) throw new RedisException(HllHeader.NotHll);
        return header;
    }

    private static async Task<HllValue> ReadValueAsync(StoredString stored, long sparseMax) =>
        HllValue.Wrap(await stored.ReadRangeAsync(0, (int)stored.Length), sparseMax);

    /// <summary>hll-sparse-max-bytes as CONFIG SET last gave it to this proxy.</summary>
    private long SparseMaxBytes => runtime.HllSparseMaxBytes;

    /// <summary>
    /// Every key argument opened in key order, the order concurrent commands lock rows in; <paramref name="written"/>
    /// is locked for writing.
    /// </summary>
    private static async Task<Dictionary<byte[], StoredString>> OpenKeysAsync(ISqlRunner tx, CommandContext ctx, byte[]? written)
    {
        var opened = new Dictionary<byte[], StoredString>(KeyBytesComparer.Instance);
        foreach (var key in KeyList.Sorted(ctx.Args.Skip(1)).Keys)
        {
            bool writes = written is not null && KeyBytesComparer.Instance.Equals(key, written);
            opened[key] = writes ? await StoredString.LockAsync(tx, key, ctx.NowMs) : await StoredString.OpenAsync(tx, key, ctx.NowMs);
        }
        return opened;
    }
}
