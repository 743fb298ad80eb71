using System.Text.RegularExpressions;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

public class ClientCommandTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private static async Task<long> IdOf(RawRespClient client) => (long)RespReply.Parse(await client.CommandAsync("CLIENT", "ID"))!;

    private static async Task<string> InfoOf(RawRespClient client) => RespReply.Bulk(await client.CommandAsync("CLIENT", "INFO"));

    private static string Field(string line, string name) =>
        Regex.Match(line, $"(?:^| ){Regex.Escape(name)}=(\\S*)").Groups[1].Value;

    [Fact]
    public async Task Setname_and_getname_round_trip_and_an_empty_name_clears_it()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("$-1\r\n", await client.CommandAsync("CLIENT", "GETNAME"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("CLIENT", "SETNAME", "worker-1"));
        Assert.Equal("$8\r\nworker-1\r\n", await client.CommandAsync("client", "getname"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("CLIENT", "SETNAME", ""));
        Assert.Equal("$-1\r\n", await client.CommandAsync("CLIENT", "GETNAME"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("line\r\nbreak")]
    [InlineData("nul\0byte")]
    [InlineData("caf\u00e9")]
    public async Task Setname_rejects_spaces_newlines_and_special_characters(string name)
    {
        using var client = await fixture.RawAsync();
        await client.CommandAsync("CLIENT", "SETNAME", "before");
        Assert.Equal("-ERR Client names cannot contain spaces, newlines or special characters.\r\n",
            await client.CommandAsync("CLIENT", "SETNAME", name));
        Assert.Equal("$6\r\nbefore\r\n", await client.CommandAsync("CLIENT", "GETNAME"));
    }

    [Fact]
    public async Task Info_describes_the_caller_in_redis_format()
    {
        using var client = await fixture.RawAsync();
        await client.CommandAsync("CLIENT", "SETNAME", "me");
        await client.CommandAsync("SELECT", "3");
        await client.CommandAsync("CLIENT", "SETINFO", "LIB-NAME", "mylib");
        await client.CommandAsync("CLIENT", "SETINFO", "lib-ver", "1.2.3");
        long id = await IdOf(client);
        var line = await InfoOf(client);

        Assert.EndsWith("\n", line);
        Assert.Matches(new Regex(
            @"^id=\d+ addr=127\.0\.0\.1:\d+ laddr=127\.0\.0\.1:\d+ fd=-?\d+ name=me age=\d+ idle=\d+ flags=N db=3 sub=0 psub=0 ssub=0 " +
            @"multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem=0 tot-mem=0 events=r " +
            @"cmd=client\|info user=tenantA:alice redir=-1 resp=2 lib-name=mylib lib-ver=1\.2\.3\n$"), line);
        Assert.Equal(id.ToString(), Field(line, "id"));
        Assert.Equal($"127.0.0.1:{fixture.Port}", Field(line, "laddr"));
    }

    [Fact]
    public async Task List_shows_every_connection_of_the_tenant_and_none_of_another_tenant()
    {
        using var a1 = await fixture.RawAsync(ProxyFixture.UserA);
        using var a2 = await fixture.RawAsync(ProxyFixture.UserA);
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        long a1Id = await IdOf(a1), a2Id = await IdOf(a2), bId = await IdOf(b);
        await a2.CommandAsync("PING");

        var listA = RespReply.Bulk(await a1.CommandAsync("CLIENT", "LIST"));
        var listB = RespReply.Bulk(await b.CommandAsync("CLIENT", "LIST"));
        var idsA = listA.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => long.Parse(Field(l, "id"))).ToList();
        var idsB = listB.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => long.Parse(Field(l, "id"))).ToList();

        Assert.Contains(a1Id, idsA);
        Assert.Contains(a2Id, idsA);
        Assert.DoesNotContain(bId, idsA);
        Assert.Equal(new[] { bId }, idsB.Where(id => id == bId || id == a1Id || id == a2Id).ToArray());
        Assert.All(listA.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Equal("tenantA:alice", Field(l, "user")));
        var a2Line = listA.Split('\n').Single(l => Field(l, "id") == a2Id.ToString());
        Assert.Equal("ping", Field(a2Line, "cmd"));
    }

    [Fact]
    public async Task List_filters_by_id_and_type()
    {
        using var a1 = await fixture.RawAsync(ProxyFixture.UserA);
        using var a2 = await fixture.RawAsync(ProxyFixture.UserA);
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        long a2Id = await IdOf(a2), bId = await IdOf(b);

        var byId = RespReply.Bulk(await a1.CommandAsync("CLIENT", "LIST", "ID", a2Id.ToString(), bId.ToString(), "999999"));
        Assert.Equal(a2Id.ToString(), Field(byId.TrimEnd('\n'), "id"));
        Assert.Single(byId.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var normal = RespReply.Bulk(await a1.CommandAsync("CLIENT", "LIST", "TYPE", "normal"));
        Assert.Contains($"id={a2Id} ", normal);
        Assert.Equal("$0\r\n\r\n", await a1.CommandAsync("CLIENT", "LIST", "TYPE", "replica"));
        Assert.Equal("-ERR Unknown client type 'bogus'\r\n", await a1.CommandAsync("CLIENT", "LIST", "TYPE", "bogus"));
        Assert.Equal("-ERR Invalid client ID\r\n", await a1.CommandAsync("CLIENT", "LIST", "ID", "x"));
        Assert.Equal("-ERR syntax error\r\n", await a1.CommandAsync("CLIENT", "LIST", "FOO"));
    }

    [Fact]
    public async Task Kill_by_id_closes_that_connection_only()
    {
        using var killer = await fixture.RawAsync();
        using var victim = await fixture.RawAsync();
        using var bystander = await fixture.RawAsync();
        long victimId = await IdOf(victim);

        Assert.Equal(":1\r\n", await killer.CommandAsync("CLIENT", "KILL", "ID", victimId.ToString()));
        Assert.True(await victim.IsClosedByServerAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("+PONG\r\n", await bystander.CommandAsync("PING"));
        Assert.Equal(":0\r\n", await killer.CommandAsync("CLIENT", "KILL", "ID", victimId.ToString()));
        var list = RespReply.Bulk(await killer.CommandAsync("CLIENT", "LIST"));
        Assert.DoesNotContain($"id={victimId} ", list);
    }

    [Fact]
    public async Task Another_tenant_cannot_kill_a_connection_by_id_or_address()
    {
        using var a = await fixture.RawAsync(ProxyFixture.UserA);
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        var aInfo = await InfoOf(a);

        Assert.Equal(":0\r\n", await b.CommandAsync("CLIENT", "KILL", "ID", Field(aInfo, "id")));
        Assert.Equal(":0\r\n", await b.CommandAsync("CLIENT", "KILL", "ADDR", Field(aInfo, "addr"), "SKIPME", "no"));
        Assert.Equal("-ERR No such client\r\n", await b.CommandAsync("CLIENT", "KILL", Field(aInfo, "addr")));
        Assert.Equal("+PONG\r\n", await a.CommandAsync("PING"));
    }

    [Fact]
    public async Task Kill_old_form_by_address_replies_ok_and_closes()
    {
        using var killer = await fixture.RawAsync();
        using var victim = await fixture.RawAsync();
        var addr = Field(await InfoOf(victim), "addr");

        Assert.Equal("+OK\r\n", await killer.CommandAsync("CLIENT", "KILL", addr));
        Assert.True(await victim.IsClosedByServerAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("-ERR No such client\r\n", await killer.CommandAsync("CLIENT", "KILL", addr));
    }

    [Fact]
    public async Task Kill_skips_the_caller_unless_skipme_no_and_then_still_replies()
    {
        using var client = await fixture.RawAsync();
        var id = (await IdOf(client)).ToString();
        Assert.Equal(":0\r\n", await client.CommandAsync("CLIENT", "KILL", "ID", id));
        Assert.Equal(":1\r\n", await client.CommandAsync("CLIENT", "KILL", "ID", id, "SKIPME", "no"));
        Assert.True(await client.IsClosedByServerAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Kill_rejects_bad_filters()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR client-id should be greater than 0\r\n", await client.CommandAsync("CLIENT", "KILL", "ID", "0"));
        Assert.Equal("-ERR client-id should be greater than 0\r\n", await client.CommandAsync("CLIENT", "KILL", "ID", "abc"));
        Assert.Equal("-ERR syntax error\r\n", await client.CommandAsync("CLIENT", "KILL", "SKIPME", "maybe"));
        Assert.Equal("-ERR syntax error\r\n", await client.CommandAsync("CLIENT", "KILL", "FOO", "bar"));
        Assert.Equal("-ERR syntax error\r\n", await client.CommandAsync("CLIENT", "KILL", "ID", "1", "SKIPME"));
        Assert.Equal("-ERR Unknown client type 'x'\r\n", await client.CommandAsync("CLIENT", "KILL", "TYPE", "x"));
    }

    [Fact]
    public async Task Setinfo_no_evict_and_no_touch()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("+OK\r\n", await client.CommandAsync("CLIENT", "SETINFO", "LIB-NAME", "redis-py"));
        Assert.Equal("-ERR Unrecognized option 'lib-foo'\r\n", await client.CommandAsync("CLIENT", "SETINFO", "lib-foo", "x"));
        Assert.Equal("-ERR LIB-NAME cannot contain spaces, newlines or special characters.\r\n",
            await client.CommandAsync("CLIENT", "SETINFO", "LIB-NAME", "a b"));
        Assert.Equal("redis-py", Field(await InfoOf(client), "lib-name"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("CLIENT", "NO-EVICT", "on"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("CLIENT", "NO-TOUCH", "OFF"));
        Assert.Equal("-ERR syntax error\r\n", await client.CommandAsync("CLIENT", "NO-EVICT", "maybe"));
    }

    [Fact]
    public async Task Wrong_arity_and_unknown_subcommands_answer_like_redis()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR wrong number of arguments for 'client' command\r\n", await client.CommandAsync("CLIENT"));
        Assert.Equal("-ERR wrong number of arguments for 'client|setname' command\r\n", await client.CommandAsync("CLIENT", "SETNAME"));
        Assert.Equal("-ERR wrong number of arguments for 'client|setname' command\r\n", await client.CommandAsync("CLIENT", "SETNAME", "a", "b"));
        Assert.Equal("-ERR wrong number of arguments for 'client|id' command\r\n", await client.CommandAsync("client", "id", "x"));
        Assert.Equal("-ERR wrong number of arguments for 'client|kill' command\r\n", await client.CommandAsync("CLIENT", "KILL"));
        Assert.Equal("-ERR unknown subcommand 'foo'. Try CLIENT HELP.\r\n", await client.CommandAsync("client", "foo"));
        var help = RespReply.Array(await client.CommandAsync("CLIENT", "HELP"));
        Assert.Contains("SETNAME <name>", help);
        Assert.Equal("    Prints this help.", help[^1]);
    }

    [Fact]
    public async Task Client_requires_authentication()
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("-NOAUTH Authentication required.\r\n", await client.CommandAsync("CLIENT", "LIST"));
    }
}
