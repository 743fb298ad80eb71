using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>Every error of the geo commands, with Redis 7.0's exact text, and in Redis's order when several apply.</summary>
[Collection(GeoCollection.Name)]
public class ErrorTests(GeoFixture fixture)
{
    private const string Syntax = "ERR syntax error";
    private const string NotFloat = "ERR value is not a valid float";
    private const string Unit = "ERR unsupported unit provided. please use M, KM, FT, MI";
    private const string NotDecoded = "ERR could not decode requested zset member";

    /// <summary>Commands on a key holding Palermo and Catania; "$k" stands for that key, "$m" for a missing one.</summary>
    [Theory]
    [InlineData("ERR invalid longitude,latitude pair 200.000000,100.000000", "GEOADD", "$k", "200", "100", "m")]
    [InlineData("ERR invalid longitude,latitude pair 200.007812,0.000000", "GEOADD", "$k", "200.0078125", "0", "m")]
    [InlineData("ERR invalid longitude,latitude pair inf,0.000000", "GEOADD", "$k", "inf", "0", "m")]
    [InlineData("ERR invalid longitude,latitude pair -0.000000,86.000000", "GEOADD", "$k", "-0.0", "86", "m")]
    [InlineData("ERR invalid longitude,latitude pair 0.000000,85.051129", "GEOADD", "$k", "0", "85.05112879", "m")]
    [InlineData(NotFloat, "GEOADD", "$k", "x", "0", "m")]
    [InlineData(NotFloat, "GEOADD", "$k", "0", "nan", "m")]
    [InlineData(Syntax, "GEOADD", "$k", "1", "2", "m", "3")]
    [InlineData(Syntax, "GEOADD", "$k", "NX", "XX", "1", "2", "m")]
    [InlineData(Syntax, "GEOADD", "$k", "NX", "CH", "CH")]
    [InlineData(Unit, "GEODIST", "$k", "Palermo", "Catania", "parsecs")]
    [InlineData(Syntax, "GEODIST", "$k", "Palermo", "Catania", "km", "x")]
    [InlineData("ERR invalid longitude,latitude pair 200.000000,100.000000", "GEORADIUS", "$k", "200", "100", "10", "km")]
    [InlineData("ERR invalid longitude,latitude pair 200.000000,100.000000", "GEORADIUS", "$m", "200", "100", "10", "km")]
    [InlineData("ERR need numeric radius", "GEORADIUS", "$k", "15", "37", "x", "km")]
    [InlineData("ERR radius cannot be negative", "GEORADIUS", "$k", "15", "37", "-1", "km")]
    [InlineData(Unit, "GEORADIUS", "$k", "15", "37", "1", "parsecs")]
    [InlineData("ERR COUNT must be > 0", "GEORADIUS", "$k", "15", "37", "1", "km", "COUNT", "0")]
    [InlineData("ERR value is not an integer or out of range", "GEORADIUS", "$k", "15", "37", "1", "km", "COUNT", "x")]
    [InlineData(Syntax, "GEORADIUS", "$k", "15", "37", "1", "km", "COUNT")]
    [InlineData("ERR the ANY argument requires COUNT argument", "GEORADIUS", "$k", "15", "37", "1", "km", "ANY")]
    [InlineData("ERR STORE option in GEORADIUS is not compatible with WITHDIST, WITHHASH and WITHCOORD options", "GEORADIUS", "$k", "15", "37", "1", "km", "STORE", "d", "WITHDIST")]
    [InlineData("ERR STORE option in GEORADIUS is not compatible with WITHDIST, WITHHASH and WITHCOORD options", "GEORADIUSBYMEMBER", "$k", "Palermo", "1", "km", "WITHHASH", "STOREDIST", "d")]
    [InlineData(Syntax, "GEORADIUS_RO", "$k", "15", "37", "1", "km", "STORE", "d")]
    [InlineData(Syntax, "GEORADIUS", "$k", "15", "37", "1", "km", "FROMLONLAT", "1", "2")]
    [InlineData(NotDecoded, "GEORADIUSBYMEMBER", "$k", "nosuch", "x", "km")]
    [InlineData("ERR need numeric radius", "GEORADIUSBYMEMBER", "$k", "Palermo", "x", "km")]
    [InlineData(Syntax, "GEORADIUSBYMEMBER", "$m", "nosuch", "x", "km", "BADOPT")]
    [InlineData("ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for GEOSEARCH", "GEOSEARCH", "$k", "BYRADIUS", "10", "km", "ASC", "ASC")]
    [InlineData("ERR exactly one of BYRADIUS and BYBOX can be specified for geosearch", "geosearch", "$k", "FROMLONLAT", "15", "37", "ASC", "ASC")]
    [InlineData(Syntax, "GEOSEARCH", "$k", "FROMLONLAT", "15", "37", "FROMMEMBER", "Palermo", "BYRADIUS", "10", "km")]
    [InlineData(Syntax, "GEOSEARCH", "$k", "FROMLONLAT", "15", "37", "BYRADIUS", "10", "km", "BYBOX", "1", "1", "km")]
    [InlineData(NotDecoded, "GEOSEARCH", "$k", "FROMMEMBER", "nosuch", "BYRADIUS", "x", "km")]
    [InlineData("ERR need numeric radius", "GEOSEARCH", "$k", "BYRADIUS", "x", "km", "FROMMEMBER", "nosuch")]
    [InlineData("ERR need numeric width", "GEOSEARCH", "$k", "FROMLONLAT", "15", "37", "BYBOX", "x", "x", "km")]
    [InlineData("ERR need numeric height", "GEOSEARCH", "$k", "FROMLONLAT", "15", "37", "BYBOX", "1", "x", "km")]
    [InlineData("ERR height or width cannot be negative", "GEOSEARCH", "$k", "FROMLONLAT", "15", "37", "BYBOX", "1", "-1", "km")]
    [InlineData(Unit, "GEOSEARCH", "$k", "FROMLONLAT", "15", "37", "BYBOX", "1", "1", "yards")]
    [InlineData(Syntax, "GEOSEARCH", "$k", "FROMLONLAT", "15", "37", "BYRADIUS", "10", "km", "STORE", "d")]
    [InlineData("ERR GEOSEARCHSTORE is not compatible with WITHDIST, WITHHASH and WITHCOORD options", "GEOSEARCHSTORE", "d", "$k", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "WITHCOORD")]
    [InlineData("ERR COUNT must be > 0", "GEOSEARCH", "$m", "FROMLONLAT", "15", "37", "BYRADIUS", "10", "km", "COUNT", "0")]
    public async Task Errors_are_redis_texts(string error, params string[] command)
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key("Sicily"), missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("GEOADD", k, "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania");
        var args = command.Select(a => a switch { "$k" => k, "$m" => missing, _ => a }).ToArray();
        Assert.Equal(Error(error), await raw.CommandAsync(args));
        Assert.Equal(Int(2), await raw.CommandAsync("ZCARD", k));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", missing, "d"));
    }

    [Fact]
    public async Task A_bad_position_anywhere_in_geoadd_adds_nothing()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("partial");
        Assert.Equal(Error("ERR invalid longitude,latitude pair 1.000000,200.000000"),
            await raw.CommandAsync("GEOADD", k, "1", "2", "a", "1", "200", "b"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task Searches_of_a_missing_key_answer_empty_without_parsing_georadiusbymember_radius()
    {
        using var raw = await fixture.RawAsync();
        string missing = ProxyFixture.Key("missing"), destination = ProxyFixture.Key("dst");
        Assert.Equal(EmptyArray, await raw.CommandAsync("GEORADIUSBYMEMBER", missing, "nosuch", "x", "y"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("GEOSEARCH", missing, "FROMMEMBER", "nosuch", "BYRADIUS", "10", "km"));
        await raw.CommandAsync("SET", destination, "v");
        Assert.Equal(Int(0), await raw.CommandAsync("GEORADIUSBYMEMBER", missing, "nosuch", "x", "y", "STORE", destination));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", destination));
    }

    [Fact]
    public async Task A_store_key_longer_than_the_keyspace_holds_is_refused()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("Sicily");
        await raw.CommandAsync("GEOADD", k, "13.361389", "38.115556", "Palermo");
        Assert.Equal(Error("ERR key is too long (at most 2048 bytes)"),
            await raw.CommandAsync("GEORADIUS", k, "13", "38", "100", "km", "STORE", new string('d', 2049)));
    }
}
