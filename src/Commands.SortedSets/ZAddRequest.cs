using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// One ZADD or ZINCRBY as data (ZINCRBY is ZADD INCR, and shares its option parsing as in Redis): the options and the
/// score-member pairs in argument order.
/// </summary>
internal sealed record ZAddRequest(bool Nx, bool Xx, bool Gt, bool Lt, bool Ch, bool Incr, IReadOnlyList<(double Score, ZMember Member)> Pairs)
{
    public const string NanResult = "ERR resulting score is not a number (NaN)";

    /// <summary>
    /// Redis's zaddGenericCommand checks, in its order: options, then an even number of at least two arguments, the
    /// incompatible options, INCR with one pair, and every score before the key is looked at.
    /// </summary>
    public static ZAddRequest Parse(CommandContext ctx, bool incr)
    {
        bool nx = false, xx = false, gt = false, lt = false, ch = false;
        int first = 2;
        for (; first < ctx.Count; first++)
        {
            if (ctx.ArgIs(first, "NX")) nx = true;
            else if (ctx.ArgIs(first, "XX")) xx = true;
            else if (ctx.ArgIs(first, "CH")) ch = true;
            else if (ctx.ArgIs(first, "INCR")) incr = true;
            else if (ctx.ArgIs(first, "GT")) gt = true;
            else if (ctx.ArgIs(first, "LT")) lt = true;
            else break;
        }
        int elements = ctx.Count - first;
        if (elements == 0 || elements % 2 != 0) throw new RedisException(RedisErrors.Syntax);
        if (nx && xx) throw RedisException.Err("XX and NX options at the same time are not compatible");
        if ((gt && nx) || (lt && nx) || (gt && lt))
            throw RedisException.Err("GT, LT, and/or NX options at the same time are not compatible");
        if (incr && elements > 2) throw RedisException.Err("INCR option supports a single increment-element pair");
        var pairs = new List<(double, ZMember)>(elements / 2);
        for (int i = first; i < ctx.Count; i += 2)
        {
            if (!ScoreText.TryParse(ctx.Arg(i), out double score)) throw new RedisException(RedisErrors.NotFloat);
            pairs.Add((score, ZMember.Of(ctx.Arg(i + 1))));
        }
        return new ZAddRequest(nx, xx, gt, lt, ch, incr, pairs);
    }

    /// <summary>
    /// Applies the pairs in order to a locked sorted set, as Redis's zsetAdd does: NX skips members, XX skips new ones,
    /// GT/LT skip scores that do not move that way, INCR adds to the current score. Returns the reply's value (the count
    /// of added, or with CH also of updated, members; for INCR the new score or null when skipped) and whether anything
    /// changed; an increment that makes NaN is an error with nothing written.
    /// </summary>
    public ZAddOutcome ApplyTo(LockedZSet zset)
    {
        long added = 0, updated = 0;
        double? result = null;
        foreach (var (score, member) in Pairs)
        {
            double? current = zset.ScoreOf(member);
            if (current is double before)
            {
                if (Nx) continue;
                double next = Incr ? before + score : score;
                if (double.IsNaN(next)) throw new RedisException(NanResult);
                if ((Lt && next >= before) || (Gt && next <= before)) continue;
                result = next;
                if (next != before)
                {
                    zset.Put(member, next);
                    updated++;
                }
            }
            else if (!Xx)
            {
                zset.Put(member, score);
                result = score;
                added++;
            }
        }
        return new ZAddOutcome(Incr ? result : (object)(Ch ? added + updated : added), added + updated > 0);
    }
}
