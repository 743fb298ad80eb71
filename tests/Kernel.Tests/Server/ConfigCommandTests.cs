using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

public class ConfigCommandTests(ConfigCommandTests.Fixture fixture) : IClassFixture<ConfigCommandTests.Fixture>
{
    /// <summary>Non-default settings, so the values are seen to come from the proxy's configuration.</summary>
    public sealed class Fixture : ProxyFixture
    {
        protected override IDictionary<string, string> Environment => new Dictionary<string, string>
        {
            ["REDIS_MYSQL_DATABASES"] = "8",
            ["REDIS_MYSQL_IDLE_TIMEOUT_MS"] = "120000",
            ["REDIS_MYSQL_MAX_CONNECTIONS"] = "77",
        };
    }

    private static Dictionary<string, string?> Pairs(string raw)
    {
        var items = RespReply.Array(raw);
        Assert.Equal(0, items.Count % 2);
        return Enumerable.Range(0, items.Count / 2).ToDictionary(i => (string)items[2 * i]!, i => (string?)items[2 * i + 1]);
    }

    [Fact]
    public async Task Get_returns_name_value_pairs_from_the_configuration()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("*2\r\n$9\r\ndatabases\r\n$1\r\n8\r\n", await client.CommandAsync("CONFIG", "GET", "databases"));
        // A name is answered as it was written, as Redis answers it.
        var values = Pairs(await client.CommandAsync("config", "get", "maxmemory", "TIMEOUT", "maxclients", "port", "save", "appendonly"));
        Assert.Equal("0", values["maxmemory"]);
        Assert.Equal("120", values["TIMEOUT"]);
        Assert.Equal("77", values["maxclients"]);
        Assert.Equal(fixture.Port.ToString(), values["port"]);
        Assert.Equal("", values["save"]);
        Assert.Equal("no", values["appendonly"]);
        Assert.Equal("127.0.0.1", Pairs(await client.CommandAsync("CONFIG", "GET", "bind"))["bind"]);
        Assert.True(Path.IsPathRooted(Pairs(await client.CommandAsync("CONFIG", "GET", "dir"))["dir"]));
        Assert.Equal("*0\r\n", await client.CommandAsync("CONFIG", "GET", "no-such-parameter"));
    }

    [Fact]
    public async Task Get_matches_globs_and_lists_each_parameter_once()
    {
        using var client = await fixture.RawAsync();
        var maxmemory = Pairs(await client.CommandAsync("CONFIG", "GET", "maxmemory*"));
        Assert.Equal(new[] { "maxmemory", "maxmemory-clients", "maxmemory-eviction-tenacity", "maxmemory-policy", "maxmemory-samples" },
            maxmemory.Keys.Order().ToArray());
        Assert.Equal("noeviction", maxmemory["maxmemory-policy"]);
        // Every parameter of Redis 7.0 but its five hidden ones, aliases included.
        var all = Pairs(await client.CommandAsync("CONFIG", "GET", "*", "databases"));
        Assert.Equal(192, all.Count);
        Assert.Equal("8", all["databases"]);
        Assert.Equal("no", all["cluster-enabled"]);
        Assert.Equal("64", all["hash-max-ziplist-value"]);
        Assert.Equal("64", all["hash-max-listpack-value"]);
        Assert.Equal("", all["requirepass"]);
        Assert.DoesNotContain("use-exit-on-panic", all.Keys);
        Assert.Equal(["timeout"], Pairs(await client.CommandAsync("CONFIG", "GET", "timeout", "TIMEOUT", "time*")).Keys);
        var slowlog = Pairs(await client.CommandAsync("CONFIG", "GET", "slowlog-*", "h?"));
        Assert.Equal(new[] { "hz", "slowlog-log-slower-than", "slowlog-max-len" }, slowlog.Keys.Order().ToArray());
    }

    [Fact]
    public async Task Set_answers_redis_s_errors_and_accepts_the_listener_s_current_values()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR Unknown option or number of arguments for CONFIG SET - 'no-such-thing'\r\n",
            await client.CommandAsync("CONFIG", "SET", "maxmemory", "1", "no-such-thing", "2"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("CONFIG", "SET", "maxmemory-policy", "noeviction"));
        Assert.Equal("-ERR CONFIG SET failed (possibly related to argument 'HZ') - duplicate parameter\r\n",
            await client.CommandAsync("CONFIG", "SET", "hz", "10", "HZ", "10"));
        Assert.Equal("-ERR syntax error\r\n", await client.CommandAsync("CONFIG", "SET", "hz", "10", "maxmemory"));
        Assert.Equal("-ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config\r\n",
            await client.CommandAsync("CONFIG", "SET", "databases", "8"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("CONFIG", "SET", "port", fixture.Port.ToString(), "bind", "127.0.0.1"));
        Assert.StartsWith("-ERR CONFIG SET failed (possibly related to argument 'port') - not supported by redis-on-mysql",
            await client.CommandAsync("CONFIG", "SET", "port", "1"));
        Assert.StartsWith("-ERR CONFIG SET failed (possibly related to argument 'bind') - not supported by redis-on-mysql",
            await client.CommandAsync("CONFIG", "SET", "bind", "0.0.0.0"));
        Assert.Equal("*2\r\n$9\r\nmaxmemory\r\n$1\r\n0\r\n", await client.CommandAsync("CONFIG", "GET", "maxmemory"));
    }

    [Fact]
    public async Task Resetstat_rewrite_help_arity_and_unknown_subcommands()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("+OK\r\n", await client.CommandAsync("CONFIG", "RESETSTAT"));
        Assert.Contains("GET <pattern>", RespReply.Array(await client.CommandAsync("CONFIG", "HELP")));
        Assert.Equal("-ERR wrong number of arguments for 'config' command\r\n", await client.CommandAsync("CONFIG"));
        Assert.Equal("-ERR wrong number of arguments for 'config|get' command\r\n", await client.CommandAsync("CONFIG", "GET"));
        Assert.Equal("-ERR wrong number of arguments for 'config|set' command\r\n", await client.CommandAsync("CONFIG", "SET", "hz"));
        Assert.Equal("-ERR The server is running without a config file\r\n", await client.CommandAsync("CONFIG", "rewrite"));
        Assert.Equal("-ERR unknown subcommand 'reload'. Try CONFIG HELP.\r\n", await client.CommandAsync("CONFIG", "reload"));
    }
}
