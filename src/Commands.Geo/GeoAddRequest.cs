using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// One GEOADD as data: NX, XX, CH and the members with their scores (the geohash of their position), in argument
/// order. Redis turns GEOADD into a ZADD of those scores, so it answers and changes the key exactly as ZADD would.
/// </summary>
internal sealed record GeoAddRequest(bool Nx, bool Xx, bool Ch, IReadOnlyList<(double Score, ZMember Member)> Pairs)
{
    /// <summary>
    /// Redis's geoaddCommand checks, in its order: options, a multiple of three arguments after them and not both NX
    /// and XX, every position (before the key is looked at), then ZADD's own check that there is at least one.
    /// </summary>
    public static GeoAddRequest Parse(CommandContext ctx)
    {
        bool nx = false, xx = false, ch = false;
        int first = 2;
        for (; first < ctx.Count; first++)
        {
            if (CText.Is(ctx.Arg(first), "nx")) nx = true;
            else if (CText.Is(ctx.Arg(first), "xx")) xx = true;
            else if (CText.Is(ctx.Arg(first), "ch")) ch = true;
            else break;
        }
        int arguments = ctx.Count - first;
        if (arguments % 3 != 0 || (xx && nx)) throw new RedisException(RedisErrors.Syntax);
        var pairs = new List<(double, ZMember)>(arguments / 3);
        for (int i = first; i < ctx.Count; i += 3)
        {
            var point = GeoPoint.TryParse(ctx.Arg(i), ctx.Arg(i + 1), out var error) ?? throw new RedisException(error!);
            pairs.Add((GeoHash.Score(point), ZMember.Of(ctx.Arg(i + 2))));
        }
        if (pairs.Count == 0) throw new RedisException(RedisErrors.Syntax);
        return new GeoAddRequest(nx, xx, ch, pairs);
    }

    /// <summary>
    /// Applies the pairs in order to a locked sorted set as ZADD does: NX skips members, XX skips new ones, a member
    /// changes only when its score does. Returns the reply (added members, or with CH added and changed ones) and
    /// whether anything changed.
    /// </summary>
    public (long Reply, bool Changed) ApplyTo(LockedZSet zset)
    {
        long added = 0, updated = 0;
        foreach (var (score, member) in Pairs)
        {
            if (zset.ScoreOf(member) is double current)
            {
                if (Nx || current == score) continue;
                zset.Put(member, score);
                updated++;
            }
            else if (!Xx)
            {
                zset.Put(member, score);
                added++;
            }
        }
        return (Ch ? added + updated : added, added + updated > 0);
    }
}
