using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>The edges of the map and of the arguments, with the replies redis-server 7.0 gives.</summary>
[Collection(GeoCollection.Name)]
public class EdgeCaseTests(GeoFixture fixture)
{
    [Fact]
    public async Task The_latitude_limits_and_the_antimeridian_are_accepted_and_decode_as_redis_decodes_them()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("limits");
        Assert.Equal(Int(4), await raw.CommandAsync("GEOADD", k, "0", "85.05112878", "top", "0", "-85.05112878", "bottom",
            "90", "85", "n2", "-90", "85", "n4"));
        Assert.Equal(Array("n4", "2064149555250448", "bottom", "2251799813685248", "n2", "4315949368935696", "top", "6755399441055744"),
            await raw.CommandAsync("ZRANGE", k, "0", "-1", "WITHSCORES"));
        Assert.Equal("*2\r\n" + GeoReplies.Position("0.00000268220901489", "85.0511287799999991") +
                     GeoReplies.Position("0.00000268220901489", "-85.05112751263942528"),
            await raw.CommandAsync("GEOPOS", k, "top", "bottom"));
        // Redis's search at the pole finds nothing: its bounding box passes the pole and every cell is left out.
        Assert.Equal(EmptyArray, await raw.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "0", "85.05", "BYRADIUS", "700", "km"));
        Assert.Equal(Error("ERR invalid longitude,latitude pair 0.000000,85.051129"), await raw.CommandAsync("GEOADD", k, "0", "85.05112879", "x"));
        Assert.Equal(Error("ERR invalid longitude,latitude pair -180.000001,0.000000"), await raw.CommandAsync("GEOADD", k, "-180.000001", "0", "x"));
    }

    [Fact]
    public async Task A_search_near_the_antimeridian_finds_points_on_both_sides()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("antimeridian");
        await raw.CommandAsync("GEOADD", k, "179.99", "0", "e1", "-179.99", "0", "w1");
        Assert.Equal("*2\r\n*2\r\n$2\r\ne1\r\n$6\r\n1.0013\r\n*2\r\n$2\r\nw1\r\n$6\r\n1.2237\r\n",
            await raw.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "179.999", "0", "BYRADIUS", "50", "km", "ASC", "WITHDIST"));
    }

    [Fact]
    public async Task Radius_zero_finds_the_points_of_the_same_cell()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("zero");
        await raw.CommandAsync("GEOADD", k, "0", "0", "a", "0", "0", "b", "0.0000001", "0", "c", "0.001", "0", "far");
        Assert.Equal("*3\r\n*2\r\n$1\r\na\r\n$6\r\n0.0000\r\n*2\r\n$1\r\nb\r\n$6\r\n0.0000\r\n*2\r\n$1\r\nc\r\n$6\r\n0.0000\r\n",
            await raw.CommandAsync("GEOSEARCH", k, "FROMMEMBER", "a", "BYRADIUS", "0", "m", "WITHDIST"));
        Assert.Equal(Array("a", "b", "c"), await raw.CommandAsync("GEOSEARCH", k, "FROMMEMBER", "a", "BYBOX", "0", "0", "m"));
    }

    [Fact]
    public async Task A_huge_radius_covers_the_world()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("world");
        await raw.CommandAsync("GEOADD", k, "13.36", "38.11", "pa", "-73.98", "40.74", "ny", "151.21", "-33.85", "syd");
        Assert.Equal("*3\r\n*2\r\n$2\r\npa\r\n$9\r\n4454.1128\r\n*2\r\n$2\r\nny\r\n$9\r\n8667.9159\r\n*2\r\n$3\r\nsyd\r\n$10\r\n15205.2729\r\n",
            await raw.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "0", "0", "BYRADIUS", "20000", "km", "ASC", "WITHDIST"));
        Assert.Equal(Array("pa", "ny"), await raw.CommandAsync("GEORADIUS", k, "0", "0", "1e9", "km", "COUNT", "2"));
        Assert.StartsWith("*3\r\n", await raw.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "0", "0", "BYRADIUS", "inf", "km"));
    }

    [Fact]
    public async Task Missing_members_and_empty_keys()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key("one"), missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("GEOADD", k, "13.361389", "38.115556", "a");
        Assert.Equal(EmptyArray, await raw.CommandAsync("GEOPOS", k));
        Assert.Equal("*2\r\n*-1\r\n*-1\r\n", await raw.CommandAsync("GEOPOS", missing, "a", "b"));
        Assert.Equal("*2\r\n$-1\r\n$-1\r\n", await raw.CommandAsync("GEOHASH", missing, "a", "b"));
        Assert.Equal(Nil, await raw.CommandAsync("GEODIST", k, "a", "x"));
        Assert.Equal(Nil, await raw.CommandAsync("GEODIST", missing, "a", "b"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("GEORADIUS", missing, "0", "0", "1", "km"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("GEORADIUS", k, "0", "0", "1", "km"));
        Assert.Equal(Error("ERR could not decode requested zset member"), await raw.CommandAsync("GEORADIUSBYMEMBER", k, "x", "1", "km"));
        Assert.Equal(Int(0), await raw.CommandAsync("GEOADD", missing, "XX", "1", "1", "a"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", missing));
    }

    [Fact]
    public async Task Scores_no_geohash_makes_decode_as_redis_casts_them()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("odd");
        await raw.CommandAsync("ZADD", k, "-1", "neg", "1.5", "half", "inf", "pinf", "-inf", "ninf", "1e30", "big");
        Assert.Equal("*5\r\n" +
                     GeoReplies.Position("180", "85.0511287799999991") +
                     GeoReplies.Position("-179.99999731779098511", "-85.05112497791824921") +
                     GeoReplies.Position("-179.99999731779098511", "-85.05112751263942528") +
                     GeoReplies.Position("180", "-85.05112751263942528") +
                     GeoReplies.Position("-179.99999731779098511", "-85.05112751263942528"),
            await raw.CommandAsync("GEOPOS", k, "neg", "half", "pinf", "ninf", "big"));
        Assert.Equal("*2\r\n$11\r\nbp05b5048p0\r\n$11\r\n00bh0hbj210\r\n", await raw.CommandAsync("GEOHASH", k, "neg", "half"));
    }
}
