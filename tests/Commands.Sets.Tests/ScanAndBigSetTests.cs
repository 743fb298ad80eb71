using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Sets.Tests;

/// <summary>SSCAN, and sets large enough that members must never be streamed needlessly.</summary>
[Collection(SetsCollection.Name)]
public class ScanAndBigSetTests(SetsFixture fixture)
{
    [Fact]
    public async Task Sscan_walks_with_match_and_count()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        var members = Enumerable.Range(0, 25).Select(i => $"m{i}").Append("other").ToArray();
        await raw.CommandAsync(["SADD", k, .. members]);
        var found = new List<string>();
        string cursor = "0";
        int calls = 0;
        do
        {
            var reply = await raw.CommandAsync("SSCAN", k, cursor, "MATCH", "m*", "COUNT", "4");
            (cursor, var page) = ParseScan(reply);
            found.AddRange(page);
            calls++;
        } while (cursor != "0");
        Assert.True(calls >= 7, $"COUNT 4 over 26 members took {calls} calls");
        Assert.Equal(members[..25].Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sscan_errors()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        await raw.CommandAsync("SADD", k, "a");
        Assert.Equal("-ERR invalid cursor\r\n", await raw.CommandAsync("SSCAN", k, "x"));
        Assert.Equal("-ERR invalid cursor\r\n", await raw.CommandAsync("SSCAN", k, "18446744073709551616"));
        // As strtoul reads it, -1 is a cursor (2^64-1), past every member.
        Assert.StartsWith("*2\r\n", await raw.CommandAsync("SSCAN", k, "-1"));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("SSCAN", k, "0", "COUNT", "0"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("SSCAN", k, "0", "COUNT", "x"));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("SSCAN", k, "0", "TYPE", "set"));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("SSCAN", k, "0", "MATCH"));
        Assert.Equal("*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n", await raw.CommandAsync("SSCAN", k, "0"));
        // Redis looks the key up before the options: a missing key answers an empty walk.
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await raw.CommandAsync("SSCAN", ProxyFixture.Key("missing"), "0", "COUNT", "0"));
    }

    [Fact]
    public async Task A_twenty_thousand_member_set_loads_pipelined_and_scans_each_member_once()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = ProxyFixture.Key("big");
        var batches = Enumerable.Range(0, 20_000).Select(i => (StackExchange.Redis.RedisValue)$"member:{i}").Chunk(500);
        var added = await Task.WhenAll(batches.Select(batch => db.SetAddAsync(k, batch)));
        Assert.Equal(20_000, added.Sum());
        Assert.Equal(20_000, await db.SetLengthAsync(k));
        Assert.Equal(20_000, await fixture.MemberRowsAsync(k));

        using var raw = await fixture.RawAsync();
        var seen = new HashSet<string>();
        string cursor = "0";
        do
        {
            (cursor, var page) = ParseScan(await raw.CommandAsync("SSCAN", k, cursor, "COUNT", "500"));
            Assert.True(page.Count <= 500);
            foreach (var member in page) Assert.True(seen.Add(member), $"{member} returned twice");
        } while (cursor != "0");
        Assert.Equal(20_000, seen.Count);
        Assert.Equal(":1\r\n", await raw.CommandAsync("SISMEMBER", k, "member:19999"));
    }

    [Fact]
    public async Task Algebra_over_two_overlapping_five_thousand_member_sets()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b"), dst = ProxyFixture.Key("dst");
        // a = 0..4999, b = 3000..7999: 2000 shared, 8000 in all, 3000 only in a.
        await Task.WhenAll(Enumerable.Range(0, 5000).Select(i => (StackExchange.Redis.RedisValue)$"m{i}").Chunk(1000)
            .Select(batch => db.SetAddAsync(a, batch)));
        await Task.WhenAll(Enumerable.Range(3000, 5000).Select(i => (StackExchange.Redis.RedisValue)$"m{i}").Chunk(1000)
            .Select(batch => db.SetAddAsync(b, batch)));

        var inter = await db.SetCombineAsync(StackExchange.Redis.SetOperation.Intersect, a, b);
        Assert.Equal(2000, inter.Length);
        Assert.Equal(Enumerable.Range(3000, 2000).Select(i => $"m{i}").Order(), inter.Select(v => (string)v!).Order());
        Assert.Equal(8000, (await db.SetCombineAsync(StackExchange.Redis.SetOperation.Union, a, b)).Distinct().Count());
        var diff = await db.SetCombineAsync(StackExchange.Redis.SetOperation.Difference, a, b);
        Assert.Equal(3000, diff.Distinct().Count());
        Assert.Equal(2000, await db.SetIntersectionLengthAsync([a, b]));
        Assert.Equal(100, await db.SetIntersectionLengthAsync([a, b], limit: 100));
        Assert.Equal(8000, await db.SetCombineAndStoreAsync(StackExchange.Redis.SetOperation.Union, dst, a, b));
        Assert.Equal(8000, await fixture.MemberRowsAsync(dst));
        Assert.Equal(2000, await db.SetCombineAndStoreAsync(StackExchange.Redis.SetOperation.Intersect, dst, a, b));
        Assert.Equal(2000, await db.SetLengthAsync(dst));
        Assert.Equal(3000, await db.SetCombineAndStoreAsync(StackExchange.Redis.SetOperation.Difference, dst, a, b));
        Assert.Equal(3000, await db.SetLengthAsync(dst));
    }

    private static (string Cursor, List<string> Members) ParseScan(string reply)
    {
        Assert.StartsWith("*2\r\n$", reply);
        var lines = reply.Split("\r\n");
        return (lines[2], Resp.Bulks(reply[(reply.IndexOf("\r\n*", StringComparison.Ordinal) + 2)..]));
    }
}
