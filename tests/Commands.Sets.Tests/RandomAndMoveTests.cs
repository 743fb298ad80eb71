using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Sets.Tests;

/// <summary>SRANDMEMBER, SPOP and SMOVE.</summary>
[Collection(SetsCollection.Name)]
public class RandomAndMoveTests(SetsFixture fixture)
{
    private static readonly string[] Five = ["a", "b", "c", "d", "e"];

    [Fact]
    public async Task Srandmember_without_count_returns_one_member_or_nil()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        Assert.Equal("$-1\r\n", await raw.CommandAsync("SRANDMEMBER", k));
        await raw.CommandAsync(["SADD", k, .. Five]);
        var seen = new HashSet<string>();
        for (int i = 0; i < 40; i++)
        {
            var reply = await raw.CommandAsync("SRANDMEMBER", k);
            Assert.Matches(@"^\$1\r\n[a-e]\r\n$", reply);
            seen.Add(reply);
        }
        Assert.True(seen.Count > 1, "forty picks always returned the same member");
        Assert.Equal(":5\r\n", await raw.CommandAsync("SCARD", k));
    }

    [Fact]
    public async Task Srandmember_with_a_positive_count_returns_distinct_members()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        await raw.CommandAsync(["SADD", k, .. Five]);
        var three = Resp.Bulks(await raw.CommandAsync("SRANDMEMBER", k, "3"));
        Assert.Equal(3, three.Distinct().Count());
        Assert.All(three, m => Assert.Contains(m, Five));
        Assert.Equal(Five, Resp.SortedMembers(await raw.CommandAsync("SRANDMEMBER", k, "10")));
        Assert.Equal("*0\r\n", await raw.CommandAsync("SRANDMEMBER", k, "0"));
        Assert.Equal("*0\r\n", await raw.CommandAsync("SRANDMEMBER", ProxyFixture.Key("missing"), "3"));
    }

    [Fact]
    public async Task Srandmember_with_a_negative_count_returns_exactly_that_many_with_repeats()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        await raw.CommandAsync("SADD", k, "x", "y");
        var picks = Resp.Bulks(await raw.CommandAsync("SRANDMEMBER", k, "-7"));
        Assert.Equal(7, picks.Count);
        Assert.All(picks, m => Assert.Contains(m, new[] { "x", "y" }));
        Assert.Equal("*0\r\n", await raw.CommandAsync("SRANDMEMBER", ProxyFixture.Key("missing"), "-3"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("SRANDMEMBER", k, "x"));
        Assert.Equal("-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807\r\n",
            await raw.CommandAsync("SRANDMEMBER", k, "-9223372036854775808"));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("SRANDMEMBER", k, "1", "2"));
    }

    [Fact]
    public async Task Spop_removes_what_it_returns_and_the_last_one_deletes_the_key()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        await raw.CommandAsync(["SADD", k, .. Five]);
        var one = await raw.CommandAsync("SPOP", k);
        Assert.Matches(@"^\$1\r\n[a-e]\r\n$", one);
        var two = Resp.Bulks(await raw.CommandAsync("SPOP", k, "2"));
        Assert.Equal(2, two.Distinct().Count());
        var rest = Resp.SortedMembers(await raw.CommandAsync("SMEMBERS", k));
        Assert.Equal(Five, rest.Concat(two).Append(one[4..5]).Order());
        Assert.Equal("*0\r\n", await raw.CommandAsync("SPOP", k, "0"));
        Assert.Equal(rest, Resp.SortedMembers(await raw.CommandAsync("SPOP", k, "100")));
        Assert.Equal(":0\r\n", await raw.CommandAsync("EXISTS", k));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("SPOP", k));
        Assert.Equal("*0\r\n", await raw.CommandAsync("SPOP", k, "3"));
    }

    [Fact]
    public async Task Spop_of_the_last_single_member_deletes_the_key()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        await raw.CommandAsync("SADD", k, "only");
        Assert.Equal("$4\r\nonly\r\n", await raw.CommandAsync("SPOP", k));
        Assert.Equal(":0\r\n", await raw.CommandAsync("EXISTS", k));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("x")]
    public async Task Spop_count_must_be_positive(string count)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal("-ERR value is out of range, must be positive\r\n", await raw.CommandAsync("SPOP", ProxyFixture.Key("s"), count));
    }

    [Fact]
    public async Task Spop_with_two_counts_is_a_syntax_error()
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("SPOP", ProxyFixture.Key("s"), "1", "2"));
    }

    [Fact]
    public async Task Smove_moves_one_member_and_creates_or_deletes_keys()
    {
        using var raw = await fixture.RawAsync();
        string src = ProxyFixture.Key("src"), dst = ProxyFixture.Key("dst");
        await raw.CommandAsync("SADD", src, "a", "b");
        Assert.Equal(":1\r\n", await raw.CommandAsync("SMOVE", src, dst, "a"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SMOVE", src, dst, "a"));
        Assert.Equal(Resp.Array("b"), await raw.CommandAsync("SMEMBERS", src));
        Assert.Equal(Resp.Array("a"), await raw.CommandAsync("SMEMBERS", dst));
        await raw.CommandAsync("SADD", dst, "b");
        Assert.Equal(":1\r\n", await raw.CommandAsync("SMOVE", src, dst, "b"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("EXISTS", src));
        Assert.Equal(Resp.Array("a", "b"), Resp.Array([.. Resp.SortedMembers(await raw.CommandAsync("SMEMBERS", dst))]));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SMOVE", ProxyFixture.Key("missing"), dst, "a"));
    }

    [Fact]
    public async Task Smove_onto_the_same_set_answers_membership()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        await raw.CommandAsync("SADD", k, "a");
        Assert.Equal(":1\r\n", await raw.CommandAsync("SMOVE", k, k, "a"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SMOVE", k, k, "b"));
        Assert.Equal(Resp.Array("a"), await raw.CommandAsync("SMEMBERS", k));
    }

    [Fact]
    public async Task Smove_type_checks()
    {
        using var raw = await fixture.RawAsync();
        string set = ProxyFixture.Key("set"), str = ProxyFixture.Key("str");
        await raw.CommandAsync("SADD", set, "a");
        await raw.CommandAsync("SET", str, "v");
        const string wrongType = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";
        Assert.Equal(wrongType, await raw.CommandAsync("SMOVE", set, str, "a"));
        Assert.Equal(wrongType, await raw.CommandAsync("SMOVE", str, set, "a"));
        // A missing source answers 0 before the destination's type is looked at, as in Redis.
        Assert.Equal(":0\r\n", await raw.CommandAsync("SMOVE", ProxyFixture.Key("missing"), str, "a"));
        Assert.Equal(Resp.Array("a"), await raw.CommandAsync("SMEMBERS", set));
        Assert.Equal("$1\r\nv\r\n", await raw.CommandAsync("GET", str));
    }

    [Fact]
    public async Task Concurrent_smoves_in_opposite_directions_lose_nothing()
    {
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b");
        var members = Enumerable.Range(0, 40).Select(i => $"m{i}").ToArray();
        using (var setup = await fixture.RawAsync())
        {
            await setup.CommandAsync(["SADD", a, .. members[..20]]);
            await setup.CommandAsync(["SADD", b, .. members[20..]]);
        }
        async Task Mover(string from, string to, IEnumerable<string> which)
        {
            using var raw = await fixture.RawAsync();
            foreach (var m in which) Assert.Equal(":1\r\n", await raw.CommandAsync("SMOVE", from, to, m));
        }
        await Task.WhenAll(Mover(a, b, members[..20]), Mover(b, a, members[20..]));
        using var check = await fixture.RawAsync();
        Assert.Equal(members[20..].Order(StringComparer.Ordinal), Resp.SortedMembers(await check.CommandAsync("SMEMBERS", a)));
        Assert.Equal(members[..20].Order(StringComparer.Ordinal), Resp.SortedMembers(await check.CommandAsync("SMEMBERS", b)));
    }
}
