using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.Geo;

/// <summary>GEOPOS, GEODIST and GEOHASH: the named members' scores by their hashes, decoded as Redis decodes them.</summary>
public sealed partial class GeoCommands
{
    [RedisCommand("geopos", -2, CommandFlags.ReadOnly, 1, 1, 1, Group = "geo", Since = "3.2.0", Summary = "Returns the longitude and latitude of members from a geospatial index.")]
    public async ValueTask GeoPos(CommandContext ctx)
    {
        var (members, scores) = await MemberScoresAsync(ctx);
        ctx.Reply.WriteArrayHeader(members.Count);
        foreach (var member in members)
        {
            if (scores.TryGetValue(member.HashKey, out double score)) WritePosition(ctx.Reply, GeoHash.Position(score));
            else ctx.Reply.WriteNullArray();
        }
    }

    [RedisCommand("geohash", -2, CommandFlags.ReadOnly, 1, 1, 1, Group = "geo", Since = "3.2.0", Summary = "Returns members from a geospatial index as geohash strings.")]
    public async ValueTask GeoHashes(CommandContext ctx)
    {
        var (members, scores) = await MemberScoresAsync(ctx);
        ctx.Reply.WriteArrayHeader(members.Count);
        Span<byte> text = stackalloc byte[11];
        foreach (var member in members)
        {
            if (!scores.TryGetValue(member.HashKey, out double score))
            {
                ctx.Reply.WriteNullBulk();
                continue;
            }
            GeoHash.WriteStandard(GeoHash.Position(score), text);
            ctx.Reply.WriteBulkString(text);
        }
    }

    /// <summary>The unit comes first, as in Redis: a bad unit is answered before the key is looked at.</summary>
    [RedisCommand("geodist", -4, CommandFlags.ReadOnly, 1, 1, 1, Group = "geo", Since = "3.2.0", Summary = "Returns the distance between two members of a geospatial index.")]
    public async ValueTask GeoDist(CommandContext ctx)
    {
        double metersPerUnit = 1;
        if (ctx.Count == 5) metersPerUnit = DistanceUnit.MetersPer(ctx.Arg(4)) ?? throw new RedisException(DistanceUnit.Unsupported);
        else if (ctx.Count > 5) throw new RedisException(RedisErrors.Syntax);
        var (members, scores) = await MemberScoresAsync(ctx, count: 2);
        if (scores.TryGetValue(members[0].HashKey, out double from) && scores.TryGetValue(members[1].HashKey, out double to))
            WriteDistance(ctx.Reply, GeoDistance.Between(GeoHash.Position(from), GeoHash.Position(to)) / metersPerUnit);
        else
            ctx.Reply.WriteNullBulk();
    }

    /// <summary>
    /// The members named from the third argument on (<paramref name="count"/> of them, or all) and the scores of those
    /// the key holds; none when the key is absent, WRONGTYPE for another type.
    /// </summary>
    private static async Task<(List<ZMember> Members, Dictionary<string, double> Scores)> MemberScoresAsync(CommandContext ctx, int? count = null)
    {
        var members = ctx.Args.Skip(2).Take(count ?? int.MaxValue).Select(ZMember.Of).ToList();
        var scores = await FindAsync(ctx, ctx.Arg(1)) is long id ? await ZSetReader.ScoresAsync(ctx.Sql, id, members) : [];
        return (members, scores);
    }
}
