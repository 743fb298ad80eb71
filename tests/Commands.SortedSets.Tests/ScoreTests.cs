using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.SortedSets.Tests;

/// <summary>Scores as IEEE doubles: infinities (which a DOUBLE column cannot hold), -0, NaN, and Redis's digits.</summary>
[Collection(SortedSetsCollection.Name)]
public class ScoreTests(SortedSetsFixture fixture)
{
    [Fact]
    public async Task Infinities_are_stored_ordered_and_printed_as_redis_does()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("inf");
        await raw.CommandAsync("ZADD", k, "+inf", "top", "-inf", "bottom", "1.7976931348623157e308", "max", "-1.7976931348623157e308", "min", "0", "zero");
        Assert.Equal(Array("bottom", "-inf", "min", "-1.7976931348623157e+308", "zero", "0", "max", "1.7976931348623157e+308", "top", "inf"),
            await raw.CommandAsync("ZRANGE", k, "0", "-1", "WITHSCORES"));
        Assert.Equal(Array("top"), await raw.CommandAsync("ZRANGEBYSCORE", k, "(1.7976931348623157e308", "+inf"));
        Assert.Equal(Array("bottom", "min"), await raw.CommandAsync("ZRANGEBYSCORE", k, "-inf", "(0"));
        Assert.Equal(Int(3), await raw.CommandAsync("ZCOUNT", k, "(-inf", "(inf"));
        Assert.Equal(Int(4), await raw.CommandAsync("ZRANK", k, "top"));
        Assert.Equal(Bulk("inf"), await raw.CommandAsync("ZINCRBY", k, "1e308", "max"));
        Assert.Equal(Error("ERR resulting score is not a number (NaN)"), await raw.CommandAsync("ZINCRBY", k, "-inf", "top"));
        Assert.Equal(Bulk("inf"), await raw.CommandAsync("ZSCORE", k, "top"));
    }

    [Fact]
    public async Task Negative_zero_is_stored_as_zero_but_an_increment_answers_it()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("zero");
        Assert.Equal(Bulk("-0"), await raw.CommandAsync("ZINCRBY", k, "-0", "a"));
        Assert.Equal(Bulk("0"), await raw.CommandAsync("ZSCORE", k, "a"));
        await raw.CommandAsync("ZADD", k, "-0", "b", "0", "c");
        Assert.Equal(Array("a", "b", "c"), await raw.CommandAsync("ZRANGEBYSCORE", k, "-0", "0"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("ZRANGEBYSCORE", k, "(-0", "0"));
    }

    [Theory]
    [InlineData("0.1", "0.10000000000000001")]
    [InlineData("1e20", "1e+20")]
    [InlineData("123456789012345678", "1.2345678901234568e+17")]
    [InlineData("0.00001", "1.0000000000000001e-05")]
    [InlineData("5e-324", "4.9406564584124654e-324")]
    [InlineData("0x10", "16")]
    [InlineData("-2.5", "-2.5")]
    public async Task Scores_print_with_redis_digits(string score, string printed)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("digits");
        await raw.CommandAsync("ZADD", k, score, "m");
        Assert.Equal(Bulk(printed), await raw.CommandAsync("ZSCORE", k, "m"));
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("1e400")]
    [InlineData("1e-400")]
    [InlineData(" 1")]
    [InlineData("1x")]
    [InlineData("")]
    public async Task Scores_redis_refuses_are_not_valid_floats(string score)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("bad");
        Assert.Equal(Error("ERR value is not a valid float"), await raw.CommandAsync("ZADD", k, score, "m"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
    }
}
