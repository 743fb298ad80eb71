using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Plugins;

/// <summary>Disabled families and commands answer exactly like unknown commands.</summary>
[Collection(SamplePluginCollection.Name)]
public class PluginToggleTests(SamplePluginFixture fixture)
{
    [Fact]
    public async Task A_disabled_family_is_unknown()
    {
        await using var proxy = await fixture.StartProxyAsync(new Dictionary<string, string>
        {
            ["REDIS_MYSQL_FAMILIES_DISABLED"] = "sample",
        });
        using var client = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("-ERR unknown command 'SAMPLE.HIT', with args beginning with: 'x' \r\n", await client.CommandAsync("SAMPLE.HIT", "x"));
        Assert.Equal("-ERR unknown command 'SAMPLE.JSON', with args beginning with: \r\n", await client.CommandAsync("SAMPLE.JSON"));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
        Assert.DoesNotMatch(@"Enabled families: [^\n]*\bsample\b", proxy.Output);
    }

    [Fact]
    public async Task A_disabled_command_is_unknown_while_its_family_works()
    {
        await using var proxy = await fixture.StartProxyAsync(new Dictionary<string, string>
        {
            ["REDIS_MYSQL_COMMANDS_DISABLED"] = "ECHO,sample.json",
        });
        using var client = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("-ERR unknown command 'ECHO', with args beginning with: 'hi' \r\n", await client.CommandAsync("ECHO", "hi"));
        Assert.Equal("-ERR unknown command 'sample.json', with args beginning with: 'k' \r\n", await client.CommandAsync("sample.json", "k"));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
        Assert.Equal(":1\r\n", await client.CommandAsync("SAMPLE.HIT", ProxyFixture.Key("toggle")));
    }

    [Fact]
    public async Task A_disabled_command_is_unknown_also_before_auth()
    {
        await using var proxy = await fixture.StartProxyAsync(new Dictionary<string, string>
        {
            ["REDIS_MYSQL_COMMANDS_DISABLED"] = "echo",
        });
        using var client = new RawRespClient(proxy.Port);
        Assert.Equal("-ERR unknown command 'ECHO', with args beginning with: 'hi' \r\n", await client.CommandAsync("ECHO", "hi"));
        Assert.Equal("-NOAUTH Authentication required.\r\n", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Disabling_the_strings_family_makes_GET_unknown_while_DEL_still_works()
    {
        await using var proxy = await fixture.StartProxyAsync(new Dictionary<string, string>
        {
            ["REDIS_MYSQL_FAMILIES_DISABLED"] = "strings",
        });
        using var client = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("-ERR unknown command 'GET', with args beginning with: 'k' \r\n", await client.CommandAsync("GET", "k"));
        Assert.Equal("-ERR unknown command 'SET', with args beginning with: 'k' 'v' \r\n", await client.CommandAsync("SET", "k", "v"));
        Assert.Equal(":0\r\n", await client.CommandAsync("DEL", "k"));
        Assert.Matches(@"Enabled families: (?![^\n]*\bstrings\b)[^\n]*\bkeyspace\b", proxy.Output);
    }

    [Fact]
    public async Task Disabling_the_hashes_family_makes_every_hash_command_unknown()
    {
        await using var proxy = await fixture.StartProxyAsync(new Dictionary<string, string>
        {
            ["REDIS_MYSQL_FAMILIES_DISABLED"] = "hashes",
        });
        using var client = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        string[] hashCommands =
        [
            "HSET", "HSETNX", "HGET", "HMGET", "HMSET", "HGETALL", "HDEL", "HEXISTS", "HLEN", "HKEYS", "HVALS",
            "HSTRLEN", "HINCRBY", "HINCRBYFLOAT", "HRANDFIELD", "HSCAN",
        ];
        foreach (var command in hashCommands)
            Assert.Equal($"-ERR unknown command '{command}', with args beginning with: 'h' \r\n", await client.CommandAsync(command, "h"));
        Assert.Equal(":1\r\n", await client.CommandAsync("SADD", ProxyFixture.Key("set"), "m"));
        Assert.DoesNotContain("hset", await client.CommandAsync("COMMAND", "LIST"));
    }
}
