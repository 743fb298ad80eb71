using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

[Collection(StringsCollection.Name)]
public class RangeTests(StringsFixture fixture)
{
    [Fact]
    public async Task Append_creates_extends_and_keeps_the_expiry()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal(":5\r\n", await raw.CommandAsync("APPEND", k, "Hello"));
        await raw.CommandAsync("SET", k, "Hello", "PX", "100000");
        Assert.Equal(":11\r\n", await raw.CommandAsync("APPEND", k, " World"));
        Assert.Equal("$11\r\nHello World\r\n", await raw.CommandAsync("GET", k));
        Assert.NotNull((await fixture.RowAsync(k))!.Value.ExpiresAt);
        Assert.Equal(":11\r\n", await raw.CommandAsync("APPEND", k, ""));
    }

    [Fact]
    public async Task Strlen_counts_bytes()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal(":0\r\n", await raw.CommandAsync("STRLEN", k));
        await raw.CommandAsync("SET", k, "héllo");
        Assert.Equal(":6\r\n", await raw.CommandAsync("STRLEN", k));
    }

    [Theory]
    [InlineData("0", "3", "This")]
    [InlineData("-3", "-1", "ing")]
    [InlineData("0", "-1", "This is a string")]
    [InlineData("10", "100", "string")]
    [InlineData("5", "3", "")]
    [InlineData("-1", "-5", "")]
    [InlineData("-100", "2", "Thi")]
    [InlineData("100", "200", "")]
    [InlineData("0", "-100", "T")]
    public async Task Getrange_and_substr_follow_redis_index_rules(string start, string end, string expected)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        await raw.CommandAsync("SET", k, "This is a string");
        var reply = $"${expected.Length}\r\n{expected}\r\n";
        Assert.Equal(reply, await raw.CommandAsync("GETRANGE", k, start, end));
        Assert.Equal(reply, await raw.CommandAsync("SUBSTR", k, start, end));
    }

    [Fact]
    public async Task Getrange_of_missing_key_or_bad_index()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal("$0\r\n\r\n", await raw.CommandAsync("GETRANGE", k, "0", "-1"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("GETRANGE", k, "a", "1"));
    }

    [Fact]
    public async Task Setrange_overwrites_and_pads_with_zero_bytes()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        await raw.CommandAsync("SET", k, "Hello World");
        Assert.Equal(":11\r\n", await raw.CommandAsync("SETRANGE", k, "6", "Redis"));
        Assert.Equal("$11\r\nHello Redis\r\n", await raw.CommandAsync("GET", k));
        Assert.Equal(":11\r\n", await raw.CommandAsync("SETRANGE", k, "3", ""));

        var padded = ProxyFixture.Key();
        Assert.Equal(":11\r\n", await raw.CommandAsync("SETRANGE", padded, "6", "Redis"));
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, (byte)'R', (byte)'e', (byte)'d', (byte)'i', (byte)'s' }, (await fixture.RowAsync(padded))!.Value.Value);
        Assert.Equal(":11\r\n", await raw.CommandAsync("SETRANGE", padded, "13", ""));
        Assert.Equal(":11\r\n", await raw.CommandAsync("STRLEN", padded));
    }

    [Fact]
    public async Task Setrange_errors_write_nothing()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal("-ERR offset is out of range\r\n", await raw.CommandAsync("SETRANGE", k, "-1", "x"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("SETRANGE", k, "x", "x"));
        Assert.Equal("-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n",
            await raw.CommandAsync("SETRANGE", k, "536870911", "xy"));
        // An empty value on a missing key creates nothing, whatever the offset.
        Assert.Equal(":0\r\n", await raw.CommandAsync("SETRANGE", k, "536870912", ""));
        Assert.Null(await fixture.RowAsync(k));
    }
}
