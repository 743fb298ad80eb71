using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Sets;

/// <summary>SRANDMEMBER and SPOP: random members picked by MySQL (ORDER BY RAND() over one set's rows).</summary>
public sealed partial class SetCommands
{
    /// <summary>Redis 7.0 accepts any count but LONG_MIN, whose absolute value does not fit.</summary>
    private const string RandomCountOutOfRange = "value is out of range, value must between -9223372036854775807 and 9223372036854775807";

    [RedisCommand("srandmember", -2, CommandFlags.ReadOnly, 1, 1, 1, Group = "set", Summary = "Get one or multiple random members from a set.")]
    public async ValueTask SRandMember(CommandContext ctx)
    {
        if (ctx.Count > 3) throw new RedisException(RedisErrors.Syntax);
        if (ctx.Count == 2)
        {
            var one = await FindSetAsync(ctx, ctx.Arg(1)) is long id ? await SelectRandomAsync(ctx.Sql, id, 1) : [];
            if (one.Count == 0) ctx.Reply.WriteNullBulk();
            else ctx.Reply.WriteBulkString(one[0].Value);
            return;
        }
        long count = ctx.ArgInt64(2);
        if (count == long.MinValue) throw RedisException.Err(RandomCountOutOfRange);
        // More repeated members than one reply array can hold; Redis would exhaust its memory instead.
        if (count < -int.MaxValue) throw RedisException.Err("value is out of range");
        var found = await FindSetAsync(ctx, ctx.Arg(1));
        if (found is null || count == 0)
        {
            ctx.Reply.WriteArrayHeader(0);
            return;
        }
        // A negative count repeats members: draws with replacement from a random sample as large as the answer
        // (or the whole set), so no draw needs its own round trip and every member is equally likely each time.
        var sample = await SelectRandomAsync(ctx.Sql, found.Value, Math.Abs(count));
        if (count > 0 || sample.Count == 0)
        {
            WriteMembers(ctx, sample.Select(m => m.Value).ToList());
            return;
        }
        ctx.Reply.WriteArrayHeader((int)-count);
        for (long i = 0; i < -count; i++) ctx.Reply.WriteBulkString(sample[Random.Shared.Next(sample.Count)].Value);
    }

    [RedisCommand("spop", -2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "set", Summary = "Returns one or more random members from a set after removing them. Deletes the set if the last member was popped.")]
    public async ValueTask SPop(CommandContext ctx)
    {
        if (ctx.Count > 3) throw new RedisException(RedisErrors.Syntax);
        if (ctx.Count == 2)
        {
            var popped = await PopAsync(ctx, 1);
            if (popped.Count == 0) ctx.Reply.WriteNullBulk();
            else ctx.Reply.WriteBulkString(popped[0]);
            return;
        }
        if (!RedisNumbers.TryParseInt64(ctx.Arg(2), out long count) || count < 0)
            throw RedisException.Err("value is out of range, must be positive");
        WriteMembers(ctx, await PopAsync(ctx, count));
    }

    /// <summary>Removes up to <paramref name="count"/> random members; taking them all deletes the key outright.</summary>
    private static Task<List<byte[]>> PopAsync(CommandContext ctx, long count) => ctx.Sql.TransactionAsync(async tx =>
    {
        var key = await CollectionKey.LockAsync(tx, ctx.Arg(1), SetStatements.Sizes, ctx.NowMs);
        if (!key.Exists || count == 0) return [];
        if (count >= key.Size)
        {
            var all = await tx.QueryListAsync(SetStatements.SelectMembers, r => (byte[])r.GetValue(0), key.Id);
            await key.DeleteAsync();
            await tx.NotifyAsync(NotifyFlags.Set, "spop", ctx.Arg(1));
            await tx.NotifyAsync(NotifyFlags.Generic, "del", ctx.Arg(1));
            return all;
        }
        var chosen = await SelectRandomAsync(tx, key.Id, count);
        await key.ResizeAsync(-await DeleteMembersAsync(tx, key.Id, chosen));
        await tx.NotifyAsync(NotifyFlags.Set, "spop", ctx.Arg(1));
        return chosen.Select(m => m.Value).ToList();
    }, ctx.Sql.Retry.Set);

    private static Task<List<SetMember>> SelectRandomAsync(ISqlRunner sql, long id, long count) =>
        sql.QueryListAsync(SetStatements.SelectRandom, r => new SetMember((byte[])r.GetValue(0), (byte[])r.GetValue(1)), id, count);
}
