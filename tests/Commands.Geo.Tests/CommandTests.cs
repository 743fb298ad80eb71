using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>The geo commands' happy paths, with raw RESP where the digits matter and with real clients.</summary>
[Collection(GeoCollection.Name)]
public class CommandTests(GeoFixture fixture)
{
    private static async Task<string> SicilyAsync(RawRespClient raw)
    {
        var k = ProxyFixture.Key("Sicily");
        Assert.Equal(Int(2), await raw.CommandAsync("GEOADD", k, "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania"));
        return k;
    }

    [Fact]
    public async Task Geoadd_stores_redis_geohash_scores_and_geopos_decodes_the_cell_centre()
    {
        using var raw = await fixture.RawAsync();
        var k = await SicilyAsync(raw);
        Assert.Equal(Array("Palermo", "3479099956230698", "Catania", "3479447370796909"), await raw.CommandAsync("ZRANGE", k, "0", "-1", "WITHSCORES"));
        Assert.Equal("*3\r\n" + GeoReplies.Palermo + GeoReplies.Catania + NilArray,
            await raw.CommandAsync("GEOPOS", k, "Palermo", "Catania", "NonExisting"));
        Assert.Equal("*3\r\n$11\r\nsqc8b49rny0\r\n$11\r\nsqdtr74hyu0\r\n$-1\r\n", await raw.CommandAsync("GEOHASH", k, "Palermo", "Catania", "x"));
    }

    [Theory]
    [InlineData(null, "166274.1516")]
    [InlineData("m", "166274.1516")]
    [InlineData("KM", "166.2742")]
    [InlineData("mi", "103.3182")]
    [InlineData("ft", "545518.8700")]
    public async Task Geodist_in_every_unit(string? unit, string expected)
    {
        using var raw = await fixture.RawAsync();
        var k = await SicilyAsync(raw);
        string[] command = unit is null ? ["GEODIST", k, "Palermo", "Catania"] : ["GEODIST", k, "Palermo", "Catania", unit];
        Assert.Equal(Bulk(expected), await raw.CommandAsync(command));
    }

    [Fact]
    public async Task Georadius_replies_with_distance_hash_and_coordinates_in_redis_order()
    {
        using var raw = await fixture.RawAsync();
        var k = await SicilyAsync(raw);
        Assert.Equal(Array("Catania"), await raw.CommandAsync("GEORADIUS", k, "15", "37", "100", "km"));
        Assert.Equal("*2\r\n*4\r\n$7\r\nPalermo\r\n$8\r\n190.4424\r\n:3479099956230698\r\n" + GeoReplies.Palermo +
                     "*4\r\n$7\r\nCatania\r\n$7\r\n56.4413\r\n:3479447370796909\r\n" + GeoReplies.Catania,
            await raw.CommandAsync("GEORADIUS", k, "15", "37", "200", "km", "WITHDIST", "WITHCOORD", "WITHHASH"));
        Assert.Equal("*2\r\n*2\r\n$7\r\nCatania\r\n$7\r\n56.4413\r\n*2\r\n$7\r\nPalermo\r\n$8\r\n190.4424\r\n",
            await raw.CommandAsync("GEORADIUS_RO", k, "15", "37", "200", "km", "WITHDIST", "ASC"));
        Assert.Equal(Array("Palermo", "Catania"), await raw.CommandAsync("GEORADIUSBYMEMBER", k, "Palermo", "200", "km"));
        Assert.Equal(Array("Catania"), await raw.CommandAsync("GEORADIUSBYMEMBER_RO", k, "Palermo", "200", "km", "COUNT", "1", "DESC"));
    }

    [Fact]
    public async Task Geosearch_by_radius_and_by_box_from_a_point_or_a_member()
    {
        using var raw = await fixture.RawAsync();
        var k = await SicilyAsync(raw);
        await raw.CommandAsync("GEOADD", k, "12.758489", "38.788135", "edge1", "17.241510", "38.788135", "edge2");
        Assert.Equal(Array("Catania", "Palermo"), await raw.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "ASC"));
        Assert.Equal("*4\r\n" +
                     "*3\r\n$7\r\nCatania\r\n$7\r\n56.4413\r\n" + GeoReplies.Catania +
                     "*3\r\n$7\r\nPalermo\r\n$8\r\n190.4424\r\n" + GeoReplies.Palermo +
                     "*3\r\n$5\r\nedge2\r\n$8\r\n279.7403\r\n" + GeoReplies.Position("17.24151045083999634", "38.78813451624225195") +
                     "*3\r\n$5\r\nedge1\r\n$8\r\n279.7405\r\n" + GeoReplies.Position("12.7584877610206604", "38.78813451624225195"),
            await raw.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "15", "37", "BYBOX", "400", "400", "km", "ASC", "WITHCOORD", "WITHDIST"));
        Assert.Equal(Array("Palermo", "edge1"), await raw.CommandAsync("GEOSEARCH", k, "FROMMEMBER", "Palermo", "BYRADIUS", "100", "km", "ASC"));
        Assert.Equal(Array("edge1"), await raw.CommandAsync("GEOSEARCH", k, "FROMMEMBER", "Palermo", "BYBOX", "200", "200", "km", "DESC", "COUNT", "1"));
        Assert.Equal(Int(4), await raw.CommandAsync("ZCARD", k));
    }

    [Fact]
    public async Task Count_keeps_the_nearest_and_any_stops_at_the_first_found()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("grid");
        await raw.CommandAsync("GEOADD", k, "2.0", "41.0", "a", "2.1", "41.0", "b", "2.2", "41.0", "c", "2.3", "41.0", "d");
        Assert.Equal(Array("a", "b"), await raw.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "2", "41", "BYRADIUS", "50", "km", "COUNT", "2"));
        Assert.Equal(Array("d", "c"), await raw.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "2", "41", "BYRADIUS", "50", "km", "COUNT", "2", "DESC"));
        var any = await raw.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "2", "41", "BYRADIUS", "50", "km", "COUNT", "2", "ANY");
        Assert.StartsWith("*2\r\n", any);
        Assert.Equal(Array("a", "b", "c", "d"), await raw.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "2", "41", "BYRADIUS", "50", "km", "COUNT", "9"));
    }

    [Fact]
    public async Task Store_and_storedist_replace_the_destination_with_a_sorted_set()
    {
        using var raw = await fixture.RawAsync();
        var k = await SicilyAsync(raw);
        var destination = ProxyFixture.Key("dst");
        await raw.CommandAsync("SET", destination, "old");
        Assert.Equal(Int(2), await raw.CommandAsync("GEORADIUS", k, "15", "37", "200", "km", "STORE", destination));
        Assert.Equal(Array("Palermo", "3479099956230698", "Catania", "3479447370796909"),
            await raw.CommandAsync("ZRANGE", destination, "0", "-1", "WITHSCORES"));
        Assert.Equal(Int(2), await raw.CommandAsync("GEOSEARCHSTORE", destination, k, "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "STOREDIST"));
        Assert.Equal(Array("Catania", "56.441257870158204", "Palermo", "190.44242984775784"),
            await raw.CommandAsync("ZRANGE", destination, "0", "-1", "WITHSCORES"));
        Assert.Equal(Int(1), await raw.CommandAsync("GEORADIUSBYMEMBER", k, "Palermo", "10", "km", "STOREDIST", destination));
        Assert.Equal(Array("Palermo", "0"), await raw.CommandAsync("ZRANGE", destination, "0", "-1", "WITHSCORES"));
        Assert.Equal(Int(0), await raw.CommandAsync("GEOSEARCHSTORE", destination, k, "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", destination));
    }

    [Fact]
    public async Task Stackexchange_redis_geo_api()
    {
        using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = ProxyFixture.Key("Sicily");
        Assert.Equal(2, await db.GeoAddAsync(k, [new GeoEntry(13.361389, 38.115556, "Palermo"), new GeoEntry(15.087269, 37.502669, "Catania")]));
        Assert.Equal(166.2742, await db.GeoDistanceAsync(k, "Palermo", "Catania", GeoUnit.Kilometers));
        Assert.Equal("sqc8b49rny0", await db.GeoHashAsync(k, "Palermo"));
        var position = await db.GeoPositionAsync(k, "Catania");
        Assert.Equal(15.08726745843887329, position!.Value.Longitude, 12);
        Assert.Equal(37.50266842333162032, position.Value.Latitude, 12);
        var near = await db.GeoRadiusAsync(k, 15, 37, 200, GeoUnit.Kilometers, order: Order.Ascending, options: GeoRadiusOptions.WithDistance);
        Assert.Equal(["Catania", "Palermo"], near.Select(r => (string)r.Member!));
        Assert.Equal(56.4413, near[0].Distance);
        var inBox = await db.GeoSearchAsync(k, 15, 37, new GeoSearchBox(400, 400, GeoUnit.Kilometers), count: 1, order: Order.Descending);
        Assert.Equal(["Palermo"], inBox.Select(r => (string)r.Member!));
        Assert.Equal(1, await db.GeoSearchAndStoreAsync(k, ProxyFixture.Key("dst"), "Palermo", new GeoSearchCircle(10, GeoUnit.Kilometers)));
        Assert.True(await db.GeoRemoveAsync(k, "Palermo"));
        Assert.Null(await db.GeoPositionAsync(k, "Palermo"));
    }

    [Fact]
    public async Task Redis_cli_prints_positions_and_distances()
    {
        using var raw = await fixture.RawAsync();
        var k = await SicilyAsync(raw);
        string[] auth = RedisCli.AuthArgs(ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("1) 1) \"13.36138933897018433\"\n   2) \"38.11555639549629859\"",
            (await RedisCli.RunAsync(fixture.Port, [.. auth, "GEOPOS", k, "Palermo"])).Trim());
        Assert.Equal("\"166.2742\"", (await RedisCli.RunAsync(fixture.Port, [.. auth, "GEODIST", k, "Palermo", "Catania", "km"])).Trim());
    }
}
