using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Sets.Tests;

/// <summary>What every sets command must do alike: arity, type checks, expiry, binary safety, isolation.</summary>
[Collection(SetsCollection.Name)]
public class CommonBehaviourTests(SetsFixture fixture)
{
    private const string WrongType = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";

    [Theory]
    [InlineData("sadd", "k")]
    [InlineData("srem", "k")]
    [InlineData("scard")]
    [InlineData("scard", "k", "x")]
    [InlineData("sismember", "k")]
    [InlineData("sismember", "k", "a", "b")]
    [InlineData("smismember", "k")]
    [InlineData("smembers")]
    [InlineData("smembers", "k", "x")]
    [InlineData("srandmember")]
    [InlineData("spop")]
    [InlineData("smove", "a", "b")]
    [InlineData("smove", "a", "b", "c", "d")]
    [InlineData("sinter")]
    [InlineData("sintercard", "1")]
    [InlineData("sinterstore", "d")]
    [InlineData("sunion")]
    [InlineData("sunionstore", "d")]
    [InlineData("sdiff")]
    [InlineData("sdiffstore", "d")]
    [InlineData("sscan", "k")]
    public async Task Wrong_arity(params string[] command)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal($"-ERR wrong number of arguments for '{command[0]}' command\r\n", await raw.CommandAsync(command));
    }

    [Theory]
    [InlineData("SADD", "m")]
    [InlineData("SREM", "m")]
    [InlineData("SCARD")]
    [InlineData("SISMEMBER", "m")]
    [InlineData("SMISMEMBER", "m", "n")]
    [InlineData("SMEMBERS")]
    [InlineData("SRANDMEMBER")]
    [InlineData("SRANDMEMBER", "-2")]
    [InlineData("SPOP")]
    [InlineData("SPOP", "0")]
    [InlineData("SSCAN", "0")]
    [InlineData("SINTER")]
    [InlineData("SUNION")]
    [InlineData("SDIFF")]
    public async Task Wrongtype_on_a_string_leaves_it_alone(string command, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("str");
        await raw.CommandAsync("SET", k, "value");
        Assert.Equal(WrongType, await raw.CommandAsync([command, k, .. args]));
        Assert.Equal("$5\r\nvalue\r\n", await raw.CommandAsync("GET", k));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("APPEND", "x")]
    [InlineData("INCR")]
    [InlineData("STRLEN")]
    [InlineData("GETRANGE", "0", "1")]
    public async Task String_commands_on_a_set_are_wrongtype(string command, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("set");
        await raw.CommandAsync("SADD", k, "m");
        Assert.Equal(WrongType, await raw.CommandAsync([command, k, .. args]));
        Assert.Equal(Resp.Array("m"), await raw.CommandAsync("SMEMBERS", k));
    }

    [Fact]
    public async Task Set_overwrites_a_set_and_its_members_are_gone()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("set");
        await raw.CommandAsync("SADD", k, "m");
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "v"));
        Assert.Equal("+string\r\n", await raw.CommandAsync("TYPE", k));
        Assert.Equal(WrongType, await raw.CommandAsync("SCARD", k));
        Assert.Equal(":1\r\n", await raw.CommandAsync("DEL", k));
        Assert.Equal(":1\r\n", await raw.CommandAsync("SADD", k, "n"));
        Assert.Equal(Resp.Array("n"), await raw.CommandAsync("SMEMBERS", k));
    }

    [Fact]
    public async Task An_expired_set_is_absent_and_sadd_starts_a_fresh_one()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("expiring");
        await raw.CommandAsync("SADD", k, "old1", "old2");
        Assert.Equal(":1\r\n", await raw.CommandAsync("PEXPIRE", k, "50"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await raw.CommandAsync("EXISTS", k) != ":0\r\n")
        {
            Assert.True(DateTime.UtcNow < deadline, "the set never expired");
            await Task.Delay(20);
        }
        Assert.Equal(":0\r\n", await raw.CommandAsync("SCARD", k));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SISMEMBER", k, "old1"));
        Assert.Equal("*0\r\n", await raw.CommandAsync("SMEMBERS", k));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("SRANDMEMBER", k));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("SPOP", k));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SREM", k, "old1"));
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await raw.CommandAsync("SSCAN", k, "0"));
        Assert.Equal("*0\r\n", await raw.CommandAsync("SINTER", k));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SMOVE", k, ProxyFixture.Key("other"), "old1"));
        Assert.Equal(":1\r\n", await raw.CommandAsync("SADD", k, "new"));
        Assert.Equal(Resp.Array("new"), await raw.CommandAsync("SMEMBERS", k));
        Assert.Equal(":-1\r\n", await raw.CommandAsync("TTL", k));
        Assert.Equal(1, await fixture.MemberRowsAsync(k));
    }

    [Fact]
    public async Task Binary_members_round_trip()
    {
        using var raw = await fixture.RawAsync();
        var k = Encoding.UTF8.GetBytes(ProxyFixture.Key("bin"));
        byte[][] members = [[0, 1, 0], "\r\n"u8.ToArray(), [0xff, 0xfe], [], "plain"u8.ToArray()];
        Assert.Equal(":5\r\n", await raw.CommandAsync([.. new[] { "SADD"u8.ToArray(), k }, .. members]));
        foreach (var member in members)
            Assert.Equal(":1\r\n", await raw.CommandAsync("SISMEMBER"u8.ToArray(), k, member));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SISMEMBER"u8.ToArray(), k, new byte[] { 0, 1 }));
        var reply = await raw.CommandAsync("SMEMBERS"u8.ToArray(), k);
        Assert.StartsWith("*5\r\n", reply);
        Assert.Contains("$3\r\n\0\u0001\0\r\n", reply);
        Assert.Contains("$2\r\n\r\n\r\n", reply);
        Assert.Contains("$0\r\n\r\n", reply);
        Assert.Equal(":1\r\n", await raw.CommandAsync("SREM"u8.ToArray(), k, [0xff, 0xfe]));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SISMEMBER"u8.ToArray(), k, [0xff, 0xfe]));
    }

    [Fact]
    public async Task Long_members_sharing_a_long_prefix_stay_distinct()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("long");
        var prefix = new string('p', 2999);
        string first = prefix + "a", second = prefix + "b";
        Assert.Equal(":2\r\n", await raw.CommandAsync("SADD", k, first, second));
        Assert.Equal(":2\r\n", await raw.CommandAsync("SCARD", k));
        Assert.Equal(":1\r\n", await raw.CommandAsync("SREM", k, first));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SISMEMBER", k, first));
        Assert.Equal(Resp.Array(second), await raw.CommandAsync("SMEMBERS", k));
    }

    [Fact]
    public async Task Another_tenant_sees_nothing()
    {
        using var alice = await fixture.RawAsync(ProxyFixture.UserA);
        using var bob = await fixture.RawAsync(ProxyFixture.UserB);
        string k = ProxyFixture.Key("s"), other = ProxyFixture.Key("o");
        await alice.CommandAsync("SADD", k, "a", "b");
        await alice.CommandAsync("SADD", other, "b");
        Assert.Equal(":0\r\n", await bob.CommandAsync("SCARD", k));
        Assert.Equal(":0\r\n", await bob.CommandAsync("SISMEMBER", k, "a"));
        Assert.Equal("*0\r\n", await bob.CommandAsync("SMEMBERS", k));
        Assert.Equal("*0\r\n", await bob.CommandAsync("SUNION", k, other));
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await bob.CommandAsync("SSCAN", k, "0"));
        Assert.Equal(":0\r\n", await bob.CommandAsync("SMOVE", k, other, "a"));
        Assert.Equal(":1\r\n", await bob.CommandAsync("SADD", k, "bob"));
        Assert.Equal(":0\r\n", await bob.CommandAsync("SINTERSTORE", other, k, ProxyFixture.Key("none")));
        Assert.Equal(["a", "b"], Resp.SortedMembers(await alice.CommandAsync("SMEMBERS", k)));
        Assert.Equal(Resp.Array("b"), await alice.CommandAsync("SMEMBERS", other));
        Assert.Equal(Resp.Array("bob"), await bob.CommandAsync("SMEMBERS", k));
    }

    [Fact]
    public async Task Scan_type_set_finds_sets_only()
    {
        using var raw = await fixture.RawAsync(ProxyFixture.UserB);
        var tag = Guid.NewGuid().ToString("N");
        await raw.CommandAsync("SADD", $"{tag}:set", "m");
        await raw.CommandAsync("SET", $"{tag}:str", "v");
        var found = new List<string>();
        string cursor = "0";
        do
        {
            var reply = await raw.CommandAsync("SCAN", cursor, "MATCH", $"{tag}:*", "TYPE", "set", "COUNT", "1000");
            var lines = reply.Split("\r\n");
            cursor = lines[2];
            found.AddRange(Resp.Bulks(reply[(reply.IndexOf('*', 1))..]));
        } while (cursor != "0");
        Assert.Equal([$"{tag}:set"], found);
    }

    [Fact]
    public async Task Rename_and_move_carry_the_members()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key("s"), renamed = ProxyFixture.Key("renamed");
        await raw.CommandAsync("SADD", k, "a", "b");
        Assert.Equal("+OK\r\n", await raw.CommandAsync("RENAME", k, renamed));
        Assert.Equal(":0\r\n", await raw.CommandAsync("EXISTS", k));
        Assert.Equal(["a", "b"], Resp.SortedMembers(await raw.CommandAsync("SMEMBERS", renamed)));
        Assert.Equal(":1\r\n", await raw.CommandAsync("MOVE", renamed, "3"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SCARD", renamed));
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SELECT", "3"));
        Assert.Equal(["a", "b"], Resp.SortedMembers(await raw.CommandAsync("SMEMBERS", renamed)));
        Assert.Equal("+set\r\n", await raw.CommandAsync("TYPE", renamed));
    }

    [Fact]
    public async Task Copy_duplicates_the_members()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key("s"), copy = ProxyFixture.Key("copy");
        await raw.CommandAsync("SADD", k, "a", "b");
        Assert.Equal(":1\r\n", await raw.CommandAsync("COPY", k, copy));
        Assert.Equal(":1\r\n", await raw.CommandAsync("SADD", copy, "c"));
        Assert.Equal(["a", "b"], Resp.SortedMembers(await raw.CommandAsync("SMEMBERS", k)));
        Assert.Equal(["a", "b", "c"], Resp.SortedMembers(await raw.CommandAsync("SMEMBERS", copy)));
    }
}
