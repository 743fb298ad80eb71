using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>A geo key is a sorted set: the Z commands read and change it, and the geo commands work on any sorted set.</summary>
[Collection(GeoCollection.Name)]
public class SortedSetKeyTests(GeoFixture fixture)
{
    [Fact]
    public async Task A_geoadd_key_is_a_zset_whose_scores_are_geohashes()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("Sicily");
        await raw.CommandAsync("GEOADD", k, "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania");
        Assert.Equal("+zset\r\n", await raw.CommandAsync("TYPE", k));
        Assert.Equal(Array("Palermo", "3479099956230698", "Catania", "3479447370796909"), await raw.CommandAsync("ZRANGE", k, "0", "-1", "WITHSCORES"));
        Assert.Equal(Bulk("3479447370796909"), await raw.CommandAsync("ZSCORE", k, "Catania"));
        Assert.Equal(Int(2), await raw.CommandAsync("ZCARD", k));
        Assert.Equal(Int(1), await raw.CommandAsync("ZREM", k, "Palermo"));
        Assert.Equal("*1\r\n*-1\r\n", await raw.CommandAsync("GEOPOS", k, "Palermo"));
        Assert.Equal(Int(1), await raw.CommandAsync("ZREM", k, "Catania"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task Geoadd_and_geopos_work_on_a_zadd_sorted_set()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("z");
        await raw.CommandAsync("ZADD", k, "1", "a", "3479447370796909", "catania");
        Assert.Equal(Int(1), await raw.CommandAsync("GEOADD", k, "13.361389", "38.115556", "palermo"));
        Assert.Equal(Array("a", "1", "palermo", "3479099956230698", "catania", "3479447370796909"),
            await raw.CommandAsync("ZRANGE", k, "0", "-1", "WITHSCORES"));
        Assert.Equal(Bulk("166.2742"), await raw.CommandAsync("GEODIST", k, "palermo", "catania", "km"));
        Assert.Equal("*1\r\n" + GeoReplies.Catania, await raw.CommandAsync("GEOPOS", k, "catania"));
        Assert.Equal(Array("catania", "palermo"), await raw.CommandAsync("GEORADIUS", k, "15", "37", "200", "km", "ASC"));
    }

    [Fact]
    public async Task Geoadd_keeps_the_size_row_and_the_members_together()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("size");
        Assert.Equal(Int(3), await raw.CommandAsync("GEOADD", k, "1", "1", "a", "2", "2", "b", "3", "3", "c"));
        Assert.Equal(Int(1), await raw.CommandAsync("GEOADD", k, "CH", "1", "1", "a", "2.5", "2", "b"));
        Assert.Equal(Int(1), await raw.CommandAsync("GEOADD", k, "NX", "9", "9", "a", "4", "4", "d"));
        Assert.Equal(Int(0), await raw.CommandAsync("GEOADD", k, "XX", "5", "5", "e"));
        Assert.Equal(Int(4), await raw.CommandAsync("ZCARD", k));
        Assert.Equal(Array("a", "b", "c", "d"), await raw.CommandAsync("ZRANGE", k, "0", "-1"));
    }
}
