using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Sets.Tests;

/// <summary>SADD, SREM, SCARD, SISMEMBER, SMISMEMBER, SMEMBERS through raw RESP.</summary>
[Collection(SetsCollection.Name)]
public class MembershipTests(SetsFixture fixture)
{
    [Fact]
    public async Task Sadd_counts_only_new_members_and_smembers_returns_each_once()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        Assert.Equal(":3\r\n", await raw.CommandAsync("SADD", k, "a", "b", "c"));
        Assert.Equal(":1\r\n", await raw.CommandAsync("SADD", k, "a", "d", "d", "b"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SADD", k, "a"));
        Assert.Equal(["a", "b", "c", "d"], Resp.SortedMembers(await raw.CommandAsync("SMEMBERS", k)));
        Assert.Equal(":4\r\n", await raw.CommandAsync("SCARD", k));
        Assert.Equal(4, await fixture.MemberRowsAsync(k));
    }

    [Fact]
    public async Task Sadd_of_more_members_than_one_statement_carries()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        var members = Enumerable.Range(0, 700).Select(i => $"m{i}").ToArray();
        Assert.Equal(":700\r\n", await raw.CommandAsync(["SADD", k, .. members, .. members[..300]]));
        Assert.Equal(":700\r\n", await raw.CommandAsync("SCARD", k));
        Assert.Equal(":600\r\n", await raw.CommandAsync(["SREM", k, .. members[100..], "nope"]));
        Assert.Equal(":100\r\n", await raw.CommandAsync("SCARD", k));
    }

    [Fact]
    public async Task Srem_counts_removed_members_and_the_last_one_deletes_the_key()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        await raw.CommandAsync("SADD", k, "a", "b", "c");
        Assert.Equal(":1\r\n", await raw.CommandAsync("SREM", k, "a", "a", "x"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SREM", k, "a"));
        Assert.Equal(":1\r\n", await raw.CommandAsync("EXISTS", k));
        Assert.Equal(":2\r\n", await raw.CommandAsync("SREM", k, "b", "c"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("EXISTS", k));
        Assert.Equal("+none\r\n", await raw.CommandAsync("TYPE", k));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SREM", k, "a"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SCARD", k));
    }

    [Fact]
    public async Task Membership_questions()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        await raw.CommandAsync("SADD", k, "a", "b");
        Assert.Equal(":1\r\n", await raw.CommandAsync("SISMEMBER", k, "a"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SISMEMBER", k, "z"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SISMEMBER", ProxyFixture.Key("missing"), "a"));
        Assert.Equal("*4\r\n:1\r\n:0\r\n:1\r\n:1\r\n", await raw.CommandAsync("SMISMEMBER", k, "a", "z", "b", "a"));
        Assert.Equal("*2\r\n:0\r\n:0\r\n", await raw.CommandAsync("SMISMEMBER", ProxyFixture.Key("missing"), "a", "b"));
        Assert.Equal("*0\r\n", await raw.CommandAsync("SMEMBERS", ProxyFixture.Key("missing")));
        Assert.Equal("+set\r\n", await raw.CommandAsync("TYPE", k));
    }

    [Fact]
    public async Task Smismember_of_many_members_answers_in_argument_order()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("s");
        var members = Enumerable.Range(0, 600).Select(i => $"m{i}").ToArray();
        await raw.CommandAsync(["SADD", k, .. members.Where((_, i) => i % 2 == 0)]);
        var expected = "*600\r\n" + string.Concat(members.Select((_, i) => i % 2 == 0 ? ":1\r\n" : ":0\r\n"));
        Assert.Equal(expected, await raw.CommandAsync(["SMISMEMBER", k, .. members]));
    }

    [Fact]
    public async Task StackExchange_redis_sees_a_set()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = ProxyFixture.Key("s");
        Assert.Equal(3, await db.SetAddAsync(k, ["x", "y", "z"]));
        Assert.True(await db.SetContainsAsync(k, "y"));
        Assert.Equal(new[] { true, false }, await db.SetContainsAsync(k, ["x", "w"]));
        Assert.Equal(["x", "y", "z"], (await db.SetMembersAsync(k)).Select(v => (string)v!).Order());
        Assert.True(await db.SetRemoveAsync(k, "x"));
        Assert.Equal(2, await db.SetLengthAsync(k));
        Assert.Equal(StackExchange.Redis.RedisType.Set, await db.KeyTypeAsync(k));
    }

    [Fact]
    public async Task Redis_cli_sees_a_set()
    {
        var auth = RedisCli.AuthArgs(ProxyFixture.UserA, ProxyFixture.Password);
        var k = ProxyFixture.Key("s");
        Assert.Equal("(integer) 2", (await RedisCli.RunAsync(fixture.Port, [.. auth, "SADD", k, "one", "two"])).Trim());
        Assert.Equal("(integer) 1", (await RedisCli.RunAsync(fixture.Port, [.. auth, "SISMEMBER", k, "two"])).Trim());
        Assert.Equal("(integer) 2", (await RedisCli.RunAsync(fixture.Port, [.. auth, "SCARD", k])).Trim());
        var members = (await RedisCli.RunRawAsync(fixture.Port, [.. auth, "SMEMBERS", k])).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["one", "two"], members.Order());
    }
}
