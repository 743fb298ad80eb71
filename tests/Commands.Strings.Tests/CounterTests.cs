using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

[Collection(StringsCollection.Name)]
public class CounterTests(StringsFixture fixture)
{
    [Fact]
    public async Task Incr_decr_incrby_decrby()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal(":1\r\n", await raw.CommandAsync("INCR", k));
        Assert.Equal(":11\r\n", await raw.CommandAsync("INCRBY", k, "10"));
        Assert.Equal(":10\r\n", await raw.CommandAsync("DECR", k));
        Assert.Equal(":-5\r\n", await raw.CommandAsync("DECRBY", k, "15"));
        Assert.Equal(":-3\r\n", await raw.CommandAsync("INCRBY", k, "2"));
        Assert.Equal("$2\r\n-3\r\n", await raw.CommandAsync("GET", k));
    }

    [Fact]
    public async Task Incr_keeps_the_expiry()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        await raw.CommandAsync("SET", k, "5", "EX", "100");
        Assert.Equal(":6\r\n", await raw.CommandAsync("INCR", k));
        Assert.NotNull((await fixture.RowAsync(k))!.Value.ExpiresAt);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("+1")]
    [InlineData("01")]
    [InlineData("1.5")]
    [InlineData("9223372036854775808")]
    [InlineData("")]
    public async Task Incr_of_a_non_integer_value_fails_and_keeps_it(string value)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        await raw.CommandAsync("SET", k, value);
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("INCR", k));
        Assert.Equal($"${value.Length}\r\n{value}\r\n", await raw.CommandAsync("GET", k));
    }

    [Fact]
    public async Task Overflow_and_bad_increments_are_errors()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        await raw.CommandAsync("SET", k, "9223372036854775807");
        Assert.Equal("-ERR increment or decrement would overflow\r\n", await raw.CommandAsync("INCR", k));
        await raw.CommandAsync("SET", k, "-9223372036854775808");
        Assert.Equal("-ERR increment or decrement would overflow\r\n", await raw.CommandAsync("DECR", k));
        Assert.Equal("-ERR increment or decrement would overflow\r\n", await raw.CommandAsync("INCRBY", k, "-1"));
        Assert.Equal("$20\r\n-9223372036854775808\r\n", await raw.CommandAsync("GET", k));
        Assert.Equal("-ERR decrement would overflow\r\n", await raw.CommandAsync("DECRBY", k, "-9223372036854775808"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("INCRBY", k, "1.0"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("DECRBY", k, "x"));
    }

    [Fact]
    public async Task Incrbyfloat_formats_like_redis()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        await raw.CommandAsync("SET", k, "10.50");
        Assert.Equal("$4\r\n10.6\r\n", await raw.CommandAsync("INCRBYFLOAT", k, "0.1"));
        Assert.Equal("$3\r\n5.6\r\n", await raw.CommandAsync("INCRBYFLOAT", k, "-5"));
        await raw.CommandAsync("SET", k, "5.0e3");
        Assert.Equal("$4\r\n5200\r\n", await raw.CommandAsync("INCRBYFLOAT", k, "2.0e2"));
        var fresh = ProxyFixture.Key();
        Assert.Equal("$3\r\n0.1\r\n", await raw.CommandAsync("INCRBYFLOAT", fresh, "0.1"));
        Assert.Equal("$3\r\n0.3\r\n", await raw.CommandAsync("INCRBYFLOAT", fresh, "0.2"));
        Assert.Equal("$3\r\n0.3\r\n", await raw.CommandAsync("GET", fresh));
    }

    [Fact]
    public async Task Incrbyfloat_errors_write_nothing()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        await raw.CommandAsync("SET", k, "1");
        Assert.Equal("-ERR increment would produce NaN or Infinity\r\n", await raw.CommandAsync("INCRBYFLOAT", k, "+inf"));
        Assert.Equal("-ERR value is not a valid float\r\n", await raw.CommandAsync("INCRBYFLOAT", k, "abc"));
        Assert.Equal("-ERR value is not a valid float\r\n", await raw.CommandAsync("INCRBYFLOAT", k, "nan"));
        Assert.Equal("$1\r\n1\r\n", await raw.CommandAsync("GET", k));
        await raw.CommandAsync("SET", k, " 11");
        Assert.Equal("-ERR value is not a valid float\r\n", await raw.CommandAsync("INCRBYFLOAT", k, "1"));
        var h = ProxyFixture.Key();
        await fixture.InsertKeyOfTypeAsync(h);
        // The type is checked before the increment, as Redis does.
        Assert.Equal("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", await raw.CommandAsync("INCRBYFLOAT", h, "abc"));
    }

    [Fact]
    public async Task Fifty_clients_incrementing_one_key_lose_nothing()
    {
        const int clients = 50, increments = 200;
        var k = ProxyFixture.Key("counter");
        var connections = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => fixture.ConnectAsync()));
        try
        {
            await Task.WhenAll(connections.Select(async connection =>
            {
                var db = connection.GetDatabase();
                for (int i = 0; i < increments; i++) await db.StringIncrementAsync(k);
            }));
            Assert.Equal(clients * increments, (long)await connections[0].GetDatabase().StringGetAsync(k));
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }
}
