using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>
/// CONFIG SET of Redis 7.0's parameters through the proxy: values read and printed back as Redis does, its errors,
/// all-or-nothing updates, and the scope of a change (the proxy's, except notify-keyspace-events: the tenant's).
/// Each test sets back what it changed, since the proxy is shared by the class.
/// </summary>
public class ConfigSetCommandTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private const string Ok = "+OK\r\n";

    private static string Value(string name, string value) => RespText.Array(name, value);

    private static string Failed(string name, string error) => $"-ERR CONFIG SET failed (possibly related to argument '{name}') - {error}\r\n";

    [Theory]
    [InlineData("activerehashing", "NO", "no", "yes")]
    [InlineData("hz", "50", "50", "10")]
    [InlineData("hz", "1000", "500", "10")]
    [InlineData("list-max-ziplist-size", "-5", "-5", "-2")]
    [InlineData("maxmemory", "1gb", "1073741824", "0")]
    [InlineData("maxmemory", "100MB", "104857600", "0")]
    [InlineData("maxmemory-clients", "50%", "50%", "0")]
    [InlineData("maxmemory-clients", "10mb", "10485760", "0")]
    [InlineData("maxmemory-policy", "ALLKEYS-LRU", "allkeys-lru", "noeviction")]
    [InlineData("oom-score-adj", "relative", "yes", "no")]
    [InlineData("shutdown-on-sigterm", "force now", "now force", "default")]
    [InlineData("save", "3600 1 300 100", "3600 1 300 100", "")]
    [InlineData("client-output-buffer-limit", "pubsub 64mb 16mb 120",
        "normal 0 0 0 slave 268435456 67108864 60 pubsub 67108864 16777216 120",
        "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60")]
    [InlineData("oom-score-adj-values", "1 2 3", "1 2 3", "0 200 800")]
    [InlineData("latency-tracking-info-percentiles", "50 99.90 100", "50 99.9 100", "50 99 99.9")]
    [InlineData("cluster-announce-hostname", "host-1.example", "host-1.example", "")]
    [InlineData("timeout", "300", "300", "0")]
    [InlineData("maxclients", "500", "500", "10000")]
    [InlineData("proto-max-bulk-len", "1mb", "1048576", "536870912")]
    [InlineData("client-query-buffer-limit", "1gb", "1073741824", "536870912")]
    [InlineData("slowlog-log-slower-than", "-1", "-1", "10000")]
    [InlineData("slowlog-max-len", "1000", "1000", "128")]
    [InlineData("hll-sparse-max-bytes", "1kb", "1024", "3000")]
    public async Task A_value_set_is_answered_in_redis_s_form(string name, string value, string answered, string initial)
    {
        using var client = await fixture.RawAsync();
        Assert.Equal(Value(name, initial), await client.CommandAsync("CONFIG", "GET", name));
        Assert.Equal(Ok, await client.CommandAsync("CONFIG", "SET", name, value));
        Assert.Equal(Value(name, answered), await client.CommandAsync("CONFIG", "GET", name));
        Assert.Equal(Ok, await client.CommandAsync("CONFIG", "SET", name, initial));
        Assert.Equal(Value(name, initial), await client.CommandAsync("CONFIG", "GET", name));
    }

    [Fact]
    public async Task An_alias_and_its_parameter_are_one_value()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal(Ok, await client.CommandAsync("CONFIG", "SET", "hash-max-ziplist-value", "10"));
        Assert.Equal(Value("hash-max-ziplist-value", "10"), await client.CommandAsync("CONFIG", "GET", "hash-max-ziplist-value"));
        Assert.Equal(Value("hash-max-listpack-value", "10"), await client.CommandAsync("CONFIG", "GET", "hash-max-listpack-value"));
        Assert.Equal(Ok, await client.CommandAsync("CONFIG", "SET", "Slave-Priority", "5"));
        Assert.Equal(Value("replica-priority", "5"), await client.CommandAsync("CONFIG", "GET", "replica-priority"));
        // Two names of one parameter are not a duplicate: the last one wins, as in Redis.
        Assert.Equal(Ok, await client.CommandAsync("CONFIG", "SET", "hash-max-listpack-value", "1", "hash-max-ziplist-value", "64",
            "replica-priority", "100"));
        Assert.Equal(Value("hash-max-listpack-value", "64"), await client.CommandAsync("CONFIG", "GET", "hash-max-listpack-value"));
        Assert.Equal(Value("slave-priority", "100"), await client.CommandAsync("CONFIG", "GET", "slave-priority"));
    }

    [Theory]
    [InlineData("appendonly", "maybe", "appendonly", "argument must be 'yes' or 'no'")]
    [InlineData("hz", "abc", "hz", "argument couldn't be parsed into an integer")]
    [InlineData("HZ", "-1", "hz", "argument must be between 0 and 2147483647 inclusive")]
    [InlineData("maxclients", "0", "maxclients", "argument must be between 1 and 4294967295 inclusive")]
    [InlineData("hash-max-ziplist-value", "abc", "hash-max-ziplist-value", "argument must be a memory value")]
    [InlineData("maxmemory", "-1", "maxmemory", "argument must be a memory value")]
    [InlineData("maxmemory-clients", "101%", "maxmemory-clients", "percentage argument must be less or equal to 100")]
    [InlineData("maxmemory-clients", "x", "maxmemory-clients", "argument must be a memory or percent value")]
    [InlineData("proto-max-bulk-len", "1000", "proto-max-bulk-len", "argument must be between 1048576 and 9223372036854775807 inclusive")]
    [InlineData("loglevel", "loud", "loglevel", "argument(s) must be one of the following: debug, verbose, notice, warning")]
    [InlineData("shutdown-on-sigint", "save nosave", "shutdown-on-sigint", "shutdown options SAVE and NOSAVE can't be used simultaneously")]
    [InlineData("save", "3600 1 300", "save", "Invalid save parameters")]
    [InlineData("client-output-buffer-limit", "master 1 2 3", "client-output-buffer-limit", "Invalid client class specified in buffer limit configuration.")]
    [InlineData("oom-score-adj-values", "1 2", "oom-score-adj-values", "wrong number of arguments")]
    [InlineData("notify-keyspace-events", "KEAq", "notify-keyspace-events", "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.")]
    [InlineData("tls-port", "6391", "tls-port", "Unable to update TLS configuration. Check server logs.")]
    [InlineData("daemonize", "yes", "daemonize", "can't set immutable config")]
    [InlineData("SLAVEOF", "no one", "SLAVEOF", "can't set immutable config")]
    [InlineData("dir", "/tmp", "dir", "can't set protected config")]
    [InlineData("dbfilename", "x.rdb", "dbfilename", "can't set protected config")]
    public async Task A_refused_value_answers_redis_s_error(string name, string value, string named, string error)
    {
        using var client = await fixture.RawAsync();
        Assert.Equal(Failed(named, error), await client.CommandAsync("CONFIG", "SET", name, value));
    }

    [Fact]
    public async Task Several_parameters_are_set_all_or_none()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal(Failed("loglevel", "argument(s) must be one of the following: debug, verbose, notice, warning"),
            await client.CommandAsync("CONFIG", "SET", "hz", "20", "maxmemory", "1gb", "notify-keyspace-events", "KEA", "loglevel", "bogus"));
        Assert.Equal(Failed("tls-port", "Unable to update TLS configuration. Check server logs."),
            await client.CommandAsync("CONFIG", "SET", "hz", "20", "notify-keyspace-events", "KEA", "tls-port", "1"));
        Assert.Equal(Value("hz", "10"), await client.CommandAsync("CONFIG", "GET", "hz"));
        Assert.Equal(Value("maxmemory", "0"), await client.CommandAsync("CONFIG", "GET", "maxmemory"));
        Assert.Equal(Value("notify-keyspace-events", ""), await client.CommandAsync("CONFIG", "GET", "notify-keyspace-events"));

        Assert.Equal(Ok, await client.CommandAsync("CONFIG", "SET", "hz", "20", "maxmemory", "2mb", "loglevel", "warning"));
        Assert.Equal(RespText.Array("hz", "20", "maxmemory", "2097152", "loglevel", "warning"),
            await client.CommandAsync("CONFIG", "GET", "hz", "maxmemory", "loglevel"));
        Assert.Equal(Ok, await client.CommandAsync("CONFIG", "SET", "hz", "10", "maxmemory", "0", "loglevel", "notice"));
    }

    [Fact]
    public async Task A_value_is_the_proxy_s_for_every_tenant_but_notify_keyspace_events_is_the_tenant_s()
    {
        using var a = await fixture.RawAsync(ProxyFixture.UserA);
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        Assert.Equal(Ok, await a.CommandAsync("CONFIG", "SET", "maxmemory-policy", "volatile-ttl", "notify-keyspace-events", "Kg"));
        Assert.Equal(Value("maxmemory-policy", "volatile-ttl"), await b.CommandAsync("CONFIG", "GET", "maxmemory-policy"));
        Assert.Equal(Value("notify-keyspace-events", "gK"), await a.CommandAsync("CONFIG", "GET", "notify-keyspace-events"));
        Assert.Equal(Value("notify-keyspace-events", ""), await b.CommandAsync("CONFIG", "GET", "notify-keyspace-events"));
        Assert.Equal(Ok, await a.CommandAsync("CONFIG", "SET", "maxmemory-policy", "noeviction", "notify-keyspace-events", ""));
    }

    [Fact]
    public async Task A_text_value_keeps_its_bytes()
    {
        using var client = await fixture.RawAsync();
        var value = new byte[] { (byte)'a', 0xff, 0x00, (byte)'\r', (byte)'\n', 0xc3, 0xa9 };
        Assert.Equal(Ok, Encoding.ASCII.GetString(await client.CommandBytesAsync(RespText.Args("CONFIG", "SET", "ignore-warnings", value))));
        Assert.Equal(RespText.ArrayBytes(Encoding.ASCII.GetBytes("ignore-warnings"), value),
            await client.CommandBytesAsync(RespText.Args("CONFIG", "GET", "ignore-warnings")));
        Assert.Equal(Ok, await client.CommandAsync("CONFIG", "SET", "ignore-warnings", ""));
    }
}
