using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>What every geo command must do alike: arity, type checks, expiry, binary safety, isolation.</summary>
[Collection(GeoCollection.Name)]
public class CommonBehaviourTests(GeoFixture fixture)
{
    [Theory]
    [InlineData("geoadd", "k", "1", "2")]
    [InlineData("geodist", "k", "a")]
    [InlineData("geohash")]
    [InlineData("geopos")]
    [InlineData("georadius", "k", "1", "2", "3")]
    [InlineData("georadius_ro", "k", "1", "2", "3")]
    [InlineData("georadiusbymember", "k", "m", "3")]
    [InlineData("georadiusbymember_ro", "k", "m", "3")]
    [InlineData("geosearch", "k", "FROMLONLAT", "1", "2", "BYRADIUS")]
    [InlineData("geosearchstore", "d", "k", "FROMLONLAT", "1", "2", "BYRADIUS")]
    public async Task Wrong_arity(params string[] command)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal($"-ERR wrong number of arguments for '{command[0]}' command\r\n", await raw.CommandAsync(command));
    }

    [Theory]
    [InlineData("GEOADD", "1", "1", "m")]
    [InlineData("GEOPOS", "m")]
    [InlineData("GEOHASH", "m")]
    [InlineData("GEODIST", "a", "b")]
    [InlineData("GEORADIUS", "1", "1", "10", "km")]
    [InlineData("GEORADIUS", "200", "100", "10", "km")]
    [InlineData("GEORADIUS_RO", "1", "1", "10", "km")]
    [InlineData("GEORADIUSBYMEMBER", "m", "10", "km")]
    [InlineData("GEORADIUSBYMEMBER_RO", "m", "x", "km")]
    [InlineData("GEOSEARCH", "FROMLONLAT", "1", "1", "BYRADIUS", "10", "km")]
    [InlineData("GEOSEARCH", "FROMMEMBER", "m", "BYBOX", "1", "1", "km")]
    [InlineData("GEORADIUS", "1", "1", "10", "km", "STORE", "dst")]
    public Task Wrongtype_on_a_string_leaves_it_alone(string command, params string[] args) =>
        fixture.AssertWrongTypeOnAStringAsync(command, args);

    [Fact]
    public async Task Geosearchstore_from_a_string_is_wrongtype_and_stores_nothing()
    {
        using var raw = await fixture.RawAsync();
        string source = ProxyFixture.Key("str"), destination = ProxyFixture.Key("dst");
        await raw.CommandAsync("SET", source, "value");
        Assert.Equal(WrongType, await raw.CommandAsync("GEOSEARCHSTORE", destination, source, "FROMLONLAT", "1", "1", "BYRADIUS", "1", "km"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", destination));
    }

    [Fact]
    public async Task An_expired_geo_key_is_absent_and_geoadd_starts_a_fresh_one()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("expiring");
        await raw.CommandAsync("GEOADD", k, "13.361389", "38.115556", "Palermo");
        Assert.Equal(Int(1), await raw.CommandAsync("PEXPIRE", k, "50"));
        await ProxyFixture.WaitUntilGoneAsync(raw, k);
        Assert.Equal("*1\r\n*-1\r\n", await raw.CommandAsync("GEOPOS", k, "Palermo"));
        Assert.Equal(Nil, await raw.CommandAsync("GEODIST", k, "Palermo", "Palermo"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("GEORADIUS", k, "13", "38", "100", "km"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("GEOSEARCH", k, "FROMMEMBER", "Palermo", "BYRADIUS", "1", "km"));
        Assert.Equal(Int(1), await raw.CommandAsync("GEOADD", k, "15.087269", "37.502669", "Catania"));
        Assert.Equal(Array("Catania"), await raw.CommandAsync("ZRANGE", k, "0", "-1"));
        Assert.Equal(Int(-1), await raw.CommandAsync("TTL", k));
    }

    [Theory]
    [MemberData(nameof(BinarySamples.Bytes), MemberType = typeof(BinarySamples))]
    public async Task Binary_members_and_keys_come_back_exactly(byte[] member)
    {
        using var raw = await fixture.RawAsync();
        byte[] key = [(byte)'g', 0, 13, 10, 255, .. Guid.NewGuid().ToByteArray()];
        byte[] destination = [(byte)'d', 0, 255, .. Guid.NewGuid().ToByteArray()];
        Assert.Equal(Int(1), await raw.CommandAsync(Args("GEOADD", key, "13.361389", "38.115556", member)));
        Assert.Equal("*1\r\n" + GeoReplies.Palermo,
            await raw.CommandAsync(Args("GEOPOS", key, member)));
        Assert.Equal(Array("sqc8b49rny0"), await raw.CommandAsync(Args("GEOHASH", key, member)));
        Assert.Equal(Bulk("0.0000"), await raw.CommandAsync(Args("GEODIST", key, member, member)));
        Assert.Equal(ArrayBytes(member), await raw.CommandBytesAsync(Args("GEOSEARCH", key, "FROMMEMBER", member, "BYRADIUS", "1", "km")));
        Assert.Equal(Int(1), await raw.CommandAsync(Args("GEORADIUS", key, "13.36", "38.11", "5", "km", "STORE", destination)));
        Assert.Equal(ArrayBytes(member, "3479099956230698"u8.ToArray()),
            await raw.CommandBytesAsync(Args("ZRANGE", destination, "0", "-1", "WITHSCORES")));
    }

    [Fact]
    public async Task Another_tenant_sees_nothing_of_a_geo_key()
    {
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        string k = ProxyFixture.Key("shared-name"), destination = ProxyFixture.Key("dst");
        await a.CommandAsync("GEOADD", k, "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania");
        Assert.Equal("*1\r\n*-1\r\n", await b.CommandAsync("GEOPOS", k, "Palermo"));
        Assert.Equal(EmptyArray, await b.CommandAsync("GEORADIUS", k, "15", "37", "200", "km"));
        Assert.Equal(EmptyArray, await b.CommandAsync("GEOSEARCH", k, "FROMMEMBER", "Palermo", "BYRADIUS", "300", "km"));
        Assert.Equal(Int(0), await b.CommandAsync("GEOSEARCHSTORE", destination, k, "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km"));
        Assert.Equal(Int(1), await b.CommandAsync("GEOADD", k, "2", "41", "Barcelona"));
        Assert.Equal(Array("Palermo", "Catania"), await a.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "15", "37", "BYRADIUS", "5000", "km", "DESC"));
        Assert.Equal(Array("Barcelona"), await b.CommandAsync("GEOSEARCH", k, "FROMLONLAT", "15", "37", "BYRADIUS", "5000", "km"));
        Assert.Equal(Int(2), await a.CommandAsync("GEOSEARCHSTORE", destination, k, "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km"));
        Assert.Equal(Int(0), await b.CommandAsync("EXISTS", destination));
    }
}
