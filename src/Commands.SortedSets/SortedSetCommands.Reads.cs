using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>ZCARD, ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZCOUNT and ZLEXCOUNT.</summary>
public sealed partial class SortedSetCommands
{
    /// <summary>ZCARDs of many clients read their keys' size rows in one statement.</summary>
    private static readonly KeyedRead SizesByKeys = new(ZSetStatements.SelectSizes);

    [RedisCommand("zcard", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "1.2.0", Summary = "Returns the number of members in a sorted set.")]
    public ValueTask ZCard(CommandContext ctx) => ctx.RunPlanAsync(PlanZCard(ctx));

    [CommandPlan("zcard")]
    public CommandPlan PlanZCard(CommandContext ctx) =>
        new(ZSetStatements.SelectSizes(1), [ctx.Arg(1), ctx.NowMs], ReplySize) { Merge = SizesByKeys, Key = ctx.Arg(1) };

    [RedisCommand("zscore", 3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "1.2.0", Summary = "Returns the score of a member in a sorted set.")]
    public async ValueTask ZScore(CommandContext ctx)
    {
        var found = await FindScoreAsync(ctx, ZMember.Of(ctx.Arg(2)));
        if (found?.Score is double score) ctx.Reply.WriteBulkString(ScoreText.Format(score));
        else ctx.Reply.WriteNullBulk();
    }

    [RedisCommand("zmscore", -3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "6.2.0", Summary = "Returns the score of one or more members in a sorted set.")]
    public async ValueTask ZMScore(CommandContext ctx)
    {
        var asked = ctx.Args.Skip(2).Select(ZMember.Of).ToList();
        var scores = await FindAsync(ctx, ctx.Arg(1)) is { } zset ? await ZSetReader.ScoresAsync(ctx.Sql, zset.Id, asked) : [];
        ctx.Reply.WriteArrayHeader(asked.Count);
        foreach (var member in asked)
        {
            if (scores.TryGetValue(member.HashKey, out double score)) ctx.Reply.WriteBulkString(ScoreText.Format(score));
            else ctx.Reply.WriteNullBulk();
        }
    }

    [RedisCommand("zrank", 3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "2.0.0", Summary = "Returns the index of a member in a sorted set ordered by ascending scores.")]
    public ValueTask ZRank(CommandContext ctx) => RankAsync(ctx, fromEnd: false);

    [RedisCommand("zrevrank", 3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "2.0.0", Summary = "Returns the index of a member in a sorted set ordered by descending scores.")]
    public ValueTask ZRevRank(CommandContext ctx) => RankAsync(ctx, fromEnd: true);

    [RedisCommand("zcount", 4, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "2.0.0", Summary = "Returns the count of members in a sorted set that have scores within a range.")]
    public async ValueTask ZCount(CommandContext ctx)
    {
        var range = ScoreRange.Parse(ctx.Arg(2), ctx.Arg(3)) ?? throw new RedisException(ScoreRange.NotAFloat);
        long count = await FindAsync(ctx, ctx.Arg(1)) is { } zset && !range.IsEmpty
            ? await ZSetReader.CountAsync(ctx.Sql, zset.Id, range, zset.Size)
            : 0;
        ctx.Reply.WriteInteger(count);
    }

    [RedisCommand("zlexcount", 4, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "2.8.9", Summary = "Returns the number of members in a sorted set within a lexicographical range.")]
    public async ValueTask ZLexCount(CommandContext ctx)
    {
        var range = LexRange.Parse(ctx.Arg(2), ctx.Arg(3)) ?? throw new RedisException(LexRange.NotAStringRange);
        var found = await FindWithEndsAsync(ctx, ctx.Arg(1));
        long count = found is null || range.IsEmpty ? 0 : await ZSetReader.CountAsync(ctx.Sql, found.Value.Key.Id, ZSetQuery.ByLex(range, found.Value.CommonScore));
        ctx.Reply.WriteInteger(count);
    }

    private static async ValueTask RankAsync(CommandContext ctx, bool fromEnd)
    {
        var member = ZMember.Of(ctx.Arg(2));
        var found = await FindScoreAsync(ctx, member);
        if (found?.Score is double score)
            ctx.Reply.WriteInteger(await ZSetReader.RankAsync(ctx.Sql, found.Value.Id, new ZEntry(member, score), fromEnd, found.Value.Size));
        else
            ctx.Reply.WriteNullBulk();
    }

    /// <summary>
    /// The key's id and size and the member's score (null when no member); null when the key is absent, WRONGTYPE for
    /// another type.
    /// </summary>
    private static async Task<(long Id, long Size, double? Score)?> FindScoreAsync(CommandContext ctx, ZMember member)
    {
        var row = await ctx.Sql.QueryFirstAsync(ZSetStatements.SelectScore,
            r => (Key: ZSetKey.Read(r), Score: r.IsDBNull(3) ? (double?)null : ScoreColumns.Read(r, 3)),
            member.Hash, ctx.Arg(1), ctx.NowMs);
        if (row.Key is null) return null;
        var key = row.Key.Checked();
        return (key.Id, key.Size, row.Score);
    }

    /// <summary>The visible sorted set with whether all its members share one score (so a lex range reads the index by it).</summary>
    private static async Task<ZSetWithEnds?> FindWithEndsAsync(CommandContext ctx, byte[] key)
    {
        var row = await ctx.Sql.QueryFirstAsync(ZSetStatements.SelectKeyWithEnds,
            r => (Key: ZSetKey.Read(r), Ends: ZSetReader.CommonScore(r, 3)), key, ctx.NowMs);
        return row.Key is null ? null : new ZSetWithEnds(row.Key.Checked(), row.Ends);
    }

    private static void ReplySize(RespWriter reply, object?[]? row)
    {
        if (row is null) reply.WriteInteger(0);
        else if ((KeyType)Convert.ToByte(row[1]) != KeyType.ZSet) reply.WriteError(RedisErrors.WrongType);
        else reply.WriteInteger(row[2] is null or DBNull ? 0 : Convert.ToInt64(row[2]));
    }
}
