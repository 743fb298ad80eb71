using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

/// <summary>The examples of Redis's LCS documentation, with their exact RESP2 replies.</summary>
[Collection(StringsCollection.Name)]
public class LcsTests(StringsFixture fixture)
{
    private async Task<(RawRespClient Raw, string A, string B)> OhmytextAsync()
    {
        var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("key1"), b = ProxyFixture.Key("key2");
        Assert.Equal("+OK\r\n", await raw.CommandAsync("MSET", a, "ohmytext", b, "mynewtext"));
        return (raw, a, b);
    }

    [Fact]
    public async Task Returns_the_subsequence_or_its_length()
    {
        var (raw, a, b) = await OhmytextAsync();
        using var _ = raw;
        Assert.Equal("$6\r\nmytext\r\n", await raw.CommandAsync("LCS", a, b));
        Assert.Equal(":6\r\n", await raw.CommandAsync("LCS", a, b, "LEN"));
        Assert.Equal("$0\r\n\r\n", await raw.CommandAsync("LCS", a, ProxyFixture.Key("missing")));
    }

    [Fact]
    public async Task Idx_lists_matches_from_the_end()
    {
        var (raw, a, b) = await OhmytextAsync();
        using var _ = raw;
        Assert.Equal(
            "*4\r\n$7\r\nmatches\r\n*2\r\n" +
            "*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n" +
            "*2\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n" +
            "$3\r\nlen\r\n:6\r\n",
            await raw.CommandAsync("LCS", a, b, "IDX"));
        Assert.Equal(
            "*4\r\n$7\r\nmatches\r\n*1\r\n" +
            "*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n" +
            "$3\r\nlen\r\n:6\r\n",
            await raw.CommandAsync("LCS", a, b, "IDX", "MINMATCHLEN", "4"));
        Assert.Equal(
            "*4\r\n$7\r\nmatches\r\n*1\r\n" +
            "*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n" +
            "$3\r\nlen\r\n:6\r\n",
            await raw.CommandAsync("LCS", a, b, "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN"));
    }

    [Fact]
    public async Task Option_errors()
    {
        var (raw, a, b) = await OhmytextAsync();
        using var _ = raw;
        Assert.Equal("-ERR If you want both the length and indexes, please just use IDX.\r\n", await raw.CommandAsync("LCS", a, b, "LEN", "IDX"));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("LCS", a, b, "FOO"));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("LCS", a, b, "MINMATCHLEN"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("LCS", a, b, "MINMATCHLEN", "x"));
        var h = ProxyFixture.Key("h");
        await fixture.InsertKeyOfTypeAsync(h);
        Assert.Equal("-ERR The specified keys must contain string values\r\n", await raw.CommandAsync("LCS", a, h));
    }
}
