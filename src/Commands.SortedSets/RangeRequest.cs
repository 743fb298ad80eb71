using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// The arguments of ZRANGE, ZRANGESTORE and the older ZREVRANGE, Z[REV]RANGEBYSCORE and Z[REV]RANGEBYLEX, parsed as
/// Redis's zrangeGenericCommand does: &lt;min&gt; &lt;max&gt; then BYSCORE | BYLEX, REV, WITHSCORES and LIMIT offset
/// count, where a fixed kind or direction (the older commands) refuses the option that would change it.
/// </summary>
internal sealed record RangeRequest(RangeKind Kind, bool Reverse, bool WithScores, long Offset, long Limit,
    long Start, long Stop, ScoreRange? Scores, LexRange? Lex)
{
    /// <param name="keyIndex">the source key's argument</param>
    /// <param name="store">ZRANGESTORE: no WITHSCORES option</param>
    /// <param name="kind">the older commands' fixed kind; null lets BYSCORE/BYLEX choose</param>
    /// <param name="reverse">the older commands' fixed direction; null lets REV choose</param>
    public static RangeRequest Parse(CommandContext ctx, int keyIndex, bool store, RangeKind? kind, bool? reverse)
    {
        bool withScores = false;
        long offset = 0, limit = -1;
        for (int i = keyIndex + 3; i < ctx.Count; i++)
        {
            int left = ctx.Count - i - 1;
            if (!store && ctx.ArgIs(i, "WITHSCORES")) withScores = true;
            else if (ctx.ArgIs(i, "LIMIT") && left >= 2)
            {
                offset = ctx.ArgInt64(i + 1);
                limit = ctx.ArgInt64(i + 2);
                i += 2;
            }
            else if (reverse is null && ctx.ArgIs(i, "REV")) reverse = true;
            else if (kind is null && ctx.ArgIs(i, "BYLEX")) kind = RangeKind.Lex;
            else if (kind is null && ctx.ArgIs(i, "BYSCORE")) kind = RangeKind.Score;
            else throw new RedisException(RedisErrors.Syntax);
        }
        var chosen = kind ?? RangeKind.Rank;
        bool rev = reverse ?? false;
        // Redis tests the limit's value, so LIMIT x -1 passes with a rank range.
        if (limit != -1 && chosen == RangeKind.Rank)
            throw RedisException.Err("syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        if (withScores && chosen == RangeKind.Lex)
            throw RedisException.Err("syntax error, WITHSCORES not supported in combination with BYLEX");
        // Reversed score and lex ranges are written max first.
        int low = keyIndex + 1, high = keyIndex + 2;
        if (rev && chosen != RangeKind.Rank) (low, high) = (high, low);
        return chosen switch
        {
            RangeKind.Rank => new(chosen, rev, withScores, offset, limit, ctx.ArgInt64(low), ctx.ArgInt64(high), null, null),
            RangeKind.Score => new(chosen, rev, withScores, offset, limit, 0, 0,
                ScoreRange.Parse(ctx.Arg(low), ctx.Arg(high)) ?? throw new RedisException(ScoreRange.NotAFloat), null),
            _ => new(chosen, rev, withScores, offset, limit, 0, 0, null,
                LexRange.Parse(ctx.Arg(low), ctx.Arg(high)) ?? throw new RedisException(LexRange.NotAStringRange)),
        };
    }
}
