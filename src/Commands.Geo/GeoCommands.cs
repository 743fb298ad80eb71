using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// The geo family. A geo key is a sorted set, stored in the kernel's sorted-set tables (<see cref="ZSetTables"/>) whose
/// score is the 52-bit geohash of the member's position (<see cref="GeoHash"/>), so TYPE says zset and the Z commands work
/// on it, and GEOADD on any sorted set. This file: GEOADD; see the other partial files for GEOPOS, GEODIST, GEOHASH
/// and the searches.
/// </summary>
public sealed partial class GeoCommands : ICommandFamily
{
    public string Name => "geo";

    /// <summary>
    /// One transaction, as ZADD's: lock the key and read the named members' scores in one round trip, write members and
    /// size in another. Events are ZADD's, since Redis runs GEOADD as a ZADD.
    /// </summary>
    [RedisCommand("geoadd", -5, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "geo", Since = "3.2.0", Summary = "Adds one or more members to a geospatial index. The key is created if it doesn't exist.")]
    public async ValueTask GeoAdd(CommandContext ctx)
    {
        var request = GeoAddRequest.Parse(ctx);
        byte[] key = ctx.Arg(1);
        long reply = await ctx.Sql.TransactionAsync(async tx =>
        {
            var zset = await LockedZSet.LockAsync(tx, key, ctx.NowMs, request.Pairs.Select(p => p.Member).ToList());
            var (count, changed) = request.ApplyTo(zset);
            if (changed)
            {
                // A new key exists before its first event, so Redis's new event comes first.
                await zset.Key.EnsureCreatedAsync();
                await tx.NotifyAsync(NotifyFlags.Zset, "zadd", key);
            }
            await zset.SaveAsync();
            return count;
        }, ctx.Sql.Retry.Incr);
        ctx.Reply.WriteInteger(reply);
    }

    /// <summary>The visible sorted set's id: null when the key is absent, WRONGTYPE when it holds another type.</summary>
    private static async Task<long?> FindAsync(CommandContext ctx, byte[] key) =>
        (await ctx.Sql.QueryFirstAsync(ZSetStatements.SelectKey, ZSetKey.Read, key, ctx.NowMs))?.Checked().Id;

    /// <summary>A position as GEOPOS and WITHCOORD reply it: longitude and latitude with Redis's digits.</summary>
    private static void WritePosition(RespWriter reply, GeoPoint position)
    {
        Span<byte> text = stackalloc byte[GeoText.MaxLength];
        reply.WriteArrayHeader(2);
        reply.WriteBulkString(text[..GeoText.WriteCoordinate(position.Longitude, text)]);
        reply.WriteBulkString(text[..GeoText.WriteCoordinate(position.Latitude, text)]);
    }

    private static void WriteDistance(RespWriter reply, double distance)
    {
        Span<byte> text = stackalloc byte[GeoText.MaxLength];
        reply.WriteBulkString(text[..GeoText.WriteDistance(distance, text)]);
    }
}
