using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// GEORADIUS, GEORADIUSBYMEMBER, their _RO forms, GEOSEARCH and GEOSEARCHSTORE: the key (and the centre member's score)
/// is read first, since Redis's errors depend on it, then only the candidate cells around the centre
/// (<see cref="CellSearch"/>). STORE forms run in one transaction that locks the source and the destination in key order.
/// </summary>
public sealed partial class GeoCommands
{
    [RedisCommand("georadius", -6, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "geo", Since = "3.2.0", Summary = "Queries a geospatial index for members within a distance from a coordinate, optionally stores the result.")]
    public ValueTask GeoRadius(CommandContext ctx) => SearchAsync(ctx, SearchForm.AroundPoint);

    [RedisCommand("georadius_ro", -6, CommandFlags.ReadOnly, 1, 1, 1, Group = "geo", Since = "3.2.10", Summary = "Returns members from a geospatial index that are within a distance from a coordinate.")]
    public ValueTask GeoRadiusRo(CommandContext ctx) => SearchAsync(ctx, SearchForm.AroundPoint | SearchForm.NoStore);

    [RedisCommand("georadiusbymember", -5, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "geo", Since = "3.2.0", Summary = "Queries a geospatial index for members within a distance from a member, optionally stores the result.")]
    public ValueTask GeoRadiusByMember(CommandContext ctx) => SearchAsync(ctx, SearchForm.AroundMember);

    [RedisCommand("georadiusbymember_ro", -5, CommandFlags.ReadOnly, 1, 1, 1, Group = "geo", Since = "3.2.10", Summary = "Returns members from a geospatial index that are within a distance from a member.")]
    public ValueTask GeoRadiusByMemberRo(CommandContext ctx) => SearchAsync(ctx, SearchForm.AroundMember | SearchForm.NoStore);

    [RedisCommand("geosearch", -7, CommandFlags.ReadOnly, 1, 1, 1, Group = "geo", Since = "6.2.0", Summary = "Queries a geospatial index for members inside an area of a box or a circle.")]
    public ValueTask GeoSearch(CommandContext ctx) => SearchAsync(ctx, SearchForm.Search);

    [RedisCommand("geosearchstore", -8, CommandFlags.Write | CommandFlags.DenyOom, 1, 2, 1, Group = "geo", Since = "6.2.0", Summary = "Queries a geospatial index for members inside an area of a box or a circle, optionally stores the result.")]
    public ValueTask GeoSearchStore(CommandContext ctx) => SearchAsync(ctx, SearchForm.Search | SearchForm.SearchStore);

    private static async ValueTask SearchAsync(CommandContext ctx, SearchForm form)
    {
        var request = SearchRequest.Parse(ctx, form);
        if (request.StoreKey is { } destination)
        {
            ctx.Reply.WriteInteger(await SearchAndStoreAsync(ctx, request, destination));
            return;
        }
        var (id, scores) = await FindSourceAsync(ctx, request);
        request.Check(id is not null, m => scores.ContainsKey(m.HashKey));
        if (id is null)
        {
            await NotifyMissAsync(ctx, ctx.Sql, request.SourceKey);
            ctx.Reply.WriteArrayHeader(0);
            return;
        }
        var matches = await MatchesAsync(ctx.Sql, id.Value, request, m => scores[m.HashKey]);
        WriteMatches(ctx, matches, request);
    }

    /// <summary>
    /// The search's result replaces the destination as a sorted set scored by geohash (or with STOREDIST by distance in
    /// the unit); an empty result, or a missing source, deletes it. Replies the stored size.
    /// </summary>
    private static Task<long> SearchAndStoreAsync(CommandContext ctx, SearchRequest request, byte[] destination) =>
        ctx.Sql.TransactionAsync(async tx =>
        {
            var (zset, replacesLive) = await ZSetStore.LockAsync(tx, request.SourceKey, destination, ctx.NowMs, request.Members);
            request.Check(zset.Key.Exists, m => zset.ScoreOf(m) is not null);
            var matches = ArraySegment<GeoMatch>.Empty;
            if (zset.Key.Exists) matches = await MatchesAsync(tx, zset.Key.Id, request, m => zset.ScoreOf(m)!.Value);
            else await NotifyMissAsync(ctx, tx, request.SourceKey);
            string eventName = request.IsSearch ? "geosearchstore" : "georadiusstore";
            return await ZSetStore.ReplaceAsync(tx, destination, ctx.NowMs, replacesLive, eventName, target =>
            {
                foreach (var match in matches)
                    target.Put(match.Member, request.StoreDistance ? match.Distance / request.MetersPerUnit : match.Score);
                return Task.CompletedTask;
            });
        }, ctx.Sql.Retry.Set);

    /// <summary>The matches in the reply's order, as many as COUNT keeps.</summary>
    private static async Task<ArraySegment<GeoMatch>> MatchesAsync(ISqlRunner sql, long id, SearchRequest request, Func<ZMember, double> scoreOf)
    {
        var found = await CellSearch.FindAsync(sql, id, request.Shape(scoreOf), request.Any ? request.Count : 0);
        var matches = found.ToArray();
        int kept = request.Count == 0 || matches.Length < request.Count ? matches.Length : (int)request.Count;
        if (request.Order != DistanceOrder.None) DistanceSort.Sort(matches, request.Order == DistanceOrder.Descending, kept);
        return new ArraySegment<GeoMatch>(matches, 0, kept);
    }

    /// <summary>
    /// The source's id (null when absent; WRONGTYPE for another type) and the scores of the members the request names,
    /// read with the key in one round trip when there is one member (GEORADIUSBYMEMBER, FROMMEMBER).
    /// </summary>
    private static async Task<(long? Id, Dictionary<string, double> Scores)> FindSourceAsync(CommandContext ctx, SearchRequest request)
    {
        if (request.Members.Count != 1)
        {
            var id = await FindAsync(ctx, request.SourceKey);
            return (id, id is null ? [] : await ZSetReader.ScoresAsync(ctx.Sql, id.Value, request.Members));
        }
        var member = request.Members[0];
        var row = await ctx.Sql.QueryFirstAsync(ZSetStatements.SelectScore,
            r => (Type: (KeyType)Convert.ToByte(r.GetValue(0)), Id: Convert.ToInt64(r.GetValue(1)),
                Score: r.IsDBNull(3) ? (double?)null : ScoreColumns.Read(r, 3)),
            member.Hash, request.SourceKey, ctx.NowMs);
        if (row == default) return (null, []);
        if (row.Type != KeyType.ZSet) throw new RedisException(RedisErrors.WrongType);
        return (row.Id, row.Score is double score ? new Dictionary<string, double> { [member.HashKey] = score } : []);
    }

    /// <summary>
    /// Redis reads the source with lookupKeyRead, which raises keymiss for a missing key; the kernel raises it for
    /// read-only commands, so the forms that may store raise it here.
    /// </summary>
    private static Task NotifyMissAsync(CommandContext ctx, ISqlRunner sql, byte[] source) => ctx.Command.Has(CommandFlags.ReadOnly)
        ? Task.CompletedTask
        : sql.NotifyAsync(NotifyFlags.KeyMiss, "keymiss", source);

    private static void WriteMatches(CommandContext ctx, ArraySegment<GeoMatch> matches, SearchRequest request)
    {
        int options = (request.WithDistance ? 1 : 0) + (request.WithHash ? 1 : 0) + (request.WithCoordinates ? 1 : 0);
        ctx.Reply.WriteArrayHeader(matches.Count);
        foreach (var match in matches)
        {
            if (options > 0) ctx.Reply.WriteArrayHeader(options + 1);
            ctx.Reply.WriteBulkString(match.Member.Value);
            if (request.WithDistance) WriteDistance(ctx.Reply, match.Distance / request.MetersPerUnit);
            // Redis's integer of the score, a C cast; scores read from cells lie within [0, 2^54).
            if (request.WithHash) ctx.Reply.WriteInteger((long)match.Score);
            if (request.WithCoordinates) WritePosition(ctx.Reply, match.Position);
        }
    }
}
