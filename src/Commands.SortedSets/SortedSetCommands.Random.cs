using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>ZRANDMEMBER: random members picked by MySQL (ORDER BY RAND() over one sorted set's rows).</summary>
public sealed partial class SortedSetCommands
{
    [RedisCommand("zrandmember", -2, CommandFlags.ReadOnly, 1, 1, 1, Group = "sorted_set", Since = "6.2.0", Summary = "Returns one or more random members from a sorted set.")]
    public async ValueTask ZRandMember(CommandContext ctx)
    {
        if (ctx.Count == 2)
        {
            var one = await FindAsync(ctx, ctx.Arg(1)) is { } found ? await RandomAsync(ctx, found.Id, 1) : [];
            if (one.Count == 0) ctx.Reply.WriteNullBulk();
            else ctx.Reply.WriteBulkString(one[0].Member.Value);
            return;
        }
        // Redis's order: the count, the option, the WITHSCORES range, then the key.
        long count = ctx.ArgInt64(2);
        if (count == long.MinValue)
            throw RedisException.Err($"value is out of range, value must between {-long.MaxValue} and {long.MaxValue}");
        bool withScores = ctx.Count == 4 && ctx.ArgIs(3, "WITHSCORES");
        if (ctx.Count > 4 || (ctx.Count == 4 && !withScores)) throw new RedisException(RedisErrors.Syntax);
        if (withScores && (count < -long.MaxValue / 2 || count > long.MaxValue / 2)) throw RedisException.Err("value is out of range");
        // Redis would stream billions of repeated members; a reply that size cannot be built here.
        if (count < -int.MaxValue) throw RedisException.Err("value is out of range");

        var zset = await FindAsync(ctx, ctx.Arg(1));
        List<ZEntry> picks;
        if (zset is null || count == 0) picks = [];
        else if (count >= zset.Size)
            // Asking for at least the whole set returns it, from the highest member down, as Redis iterates it.
            picks = await ZSetReader.WindowAsync(ctx.Sql, zset.Id, ZSetQuery.All, true, 0, zset.Size);
        else
        {
            var sample = await RandomAsync(ctx, zset.Id, Math.Abs(count));
            // A negative count may repeat members and always returns exactly |count|: draws from the distinct random
            // sample, which is uniform over the set for every draw.
            picks = count > 0 || sample.Count == 0 ? sample
                : Enumerable.Range(0, (int)-count).Select(_ => sample[Random.Shared.Next(sample.Count)]).ToList();
        }
        WriteEntries(ctx, picks, withScores);
    }

    private static Task<List<ZEntry>> RandomAsync(CommandContext ctx, long id, long count) =>
        ctx.Sql.QueryListAsync(ZSetStatements.SelectRandom, r => ZEntry.Read(r), id, count);
}
