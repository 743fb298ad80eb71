using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Families.Server.Config;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>
/// CONFIG SET's checks in Redis 7.0's order (<see cref="ConfigUpdate"/>), the proxy's remembered values
/// (<see cref="ConfigStore"/>) and the settings that take effect (<see cref="RuntimeConfig"/>).
/// </summary>
public class ConfigStoreTests
{
    private static readonly ProxyOptions Options = new()
    {
        BindAddr = "127.0.0.1:7000",
        Databases = 8,
        Server = new ServerOptions { MaxConnections = 77, IdleTimeoutMs = 1500, MaxBulkLen = 2 << 20, MaxFrameSize = 4 << 20 },
    };

    private static IReadOnlyDictionary<ConfigParameter, object> Current => InitialConfigValues.For(Options);

    private static string Text(IReadOnlyDictionary<ConfigParameter, object> values, string name)
    {
        var parameter = RedisConfigTable.Find(name);
        return parameter.Type.Format(values[parameter]);
    }

    private static string Refusal(params (string Name, string Value)[] pairs) =>
        Assert.Throws<RedisException>(() => ConfigUpdate.Plan(pairs, Current)).Message;

    [Fact]
    public void Starts_from_redis_defaults_and_the_proxy_s_own_settings()
    {
        var values = Current;
        Assert.Equal("8", Text(values, "databases"));
        Assert.Equal("127.0.0.1", Text(values, "bind"));
        Assert.Equal("77", Text(values, "maxclients"));
        Assert.Equal("1", Text(values, "timeout"));
        Assert.Equal("2097152", Text(values, "proto-max-bulk-len"));
        Assert.Equal("4194304", Text(values, "client-query-buffer-limit"));
        Assert.Equal("no", Text(values, "protected-mode"));
        Assert.Equal("", Text(values, "save"));
        Assert.Equal("noeviction", Text(values, "maxmemory-policy"));
        Assert.Equal("64", Text(values, "hash-max-ziplist-value"));
    }

    [Fact]
    public void The_first_problem_in_argument_order_is_the_error()
    {
        Assert.Equal("ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'", Refusal(("nosuch", "1"), ("daemonize", "yes")));
        Assert.Equal("ERR CONFIG SET failed (possibly related to argument 'daemonize') - can't set immutable config",
            Refusal(("daemonize", "yes"), ("nosuch", "1")));
        Assert.Equal("ERR CONFIG SET failed (possibly related to argument 'DIR') - can't set protected config",
            Refusal(("hz", "x"), ("DIR", "/tmp")));
        Assert.Equal("ERR CONFIG SET failed (possibly related to argument 'TIMEOUT') - duplicate parameter",
            Refusal(("timeout", "1"), ("TIMEOUT", "2")));
        // Names are checked before any value; values are named as Redis spells them.
        Assert.Equal("ERR CONFIG SET failed (possibly related to argument 'hash-max-ziplist-value') - argument must be a memory value",
            Refusal(("HASH-MAX-ZIPLIST-VALUE", "abc"), ("hz", "x")));
    }

    [Fact]
    public void An_alias_and_its_parameter_are_two_names_and_the_last_value_wins()
    {
        var update = ConfigUpdate.Plan([("hash-max-ziplist-value", "1"), ("hash-max-listpack-value", "2")], Current);
        Assert.Equal(2L, Assert.Single(update.Remembered).Value);
        Assert.Null(update.TenantNotifications);
    }

    [Fact]
    public void Apply_steps_adjust_or_refuse_what_changed()
    {
        Assert.Equal(500L, ConfigUpdate.Plan([("hz", "1000")], Current).Remembered[RedisConfigTable.Find("hz")]);
        Assert.Equal(1L, ConfigUpdate.Plan([("hz", "0")], Current).Remembered[RedisConfigTable.Find("hz")]);
        Assert.Equal("ERR CONFIG SET failed (possibly related to argument 'tls-session-cache-size') - Unable to update TLS configuration. Check server logs.",
            Refusal(("tls-session-cache-size", "5"), ("tls-replication", "yes")));
        Assert.Single(ConfigUpdate.Plan([("tls-session-cache-size", "5")], Current).Remembered);
        Assert.Equal("ERR CONFIG SET failed (possibly related to argument 'tls-port') - Unable to update TLS configuration. Check server logs.",
            Refusal(("hz", "20"), ("tls-port", "1")));
        Assert.StartsWith("ERR CONFIG SET failed (possibly related to argument 'port') - not supported by redis-on-mysql",
            Refusal(("port", "1234")));
        Assert.StartsWith("ERR CONFIG SET failed (possibly related to argument 'bind') - not supported by redis-on-mysql",
            Refusal(("bind", "10.0.0.1")));
        // The listener's current values may be "set" again.
        Assert.Empty(ConfigUpdate.Plan([("port", "7000"), ("bind", "127.0.0.1")], Current).Remembered);
    }

    [Fact]
    public void Only_changed_values_are_remembered_and_notify_keyspace_events_goes_to_the_tenant()
    {
        var update = ConfigUpdate.Plan([("maxmemory", "0"), ("notify-keyspace-events", "KEA"), ("maxmemory-policy", "allkeys-lru")], Current);
        Assert.Equal(["maxmemory-policy"], update.Remembered.Keys.Select(p => p.Name));
        Assert.Equal(NotifyFlags.All | NotifyFlags.Keyspace | NotifyFlags.Keyevent, update.TenantNotifications);
    }

    [Fact]
    public async Task A_refused_update_changes_nothing_and_an_accepted_one_reaches_the_runtime_settings()
    {
        var runtime = new RuntimeConfig(Options);
        var store = new ConfigStore(runtime, Options, CommandTable.Build([], new FamiliesOptions(), []));
        long version = runtime.Version;

        await Assert.ThrowsAsync<RedisException>(() => store.UpdateAsync(values =>
            Task.FromResult(ConfigUpdate.Plan([("maxclients", "5"), ("loglevel", "loud")], values).Remembered)));
        Assert.Equal("77", Text(store.Values, "maxclients"));
        Assert.Equal(77, runtime.MaxClients);
        Assert.Equal(version, runtime.Version);

        await store.UpdateAsync(values => Task.FromResult(ConfigUpdate.Plan(
        [
            ("maxclients", "5"), ("timeout", "30"), ("proto-max-bulk-len", "1mb"), ("client-query-buffer-limit", "2mb"),
            ("client-output-buffer-limit", "pubsub 1mb 512kb 10"), ("slowlog-log-slower-than", "-1"),
            ("slowlog-max-len", "5"), ("hll-sparse-max-bytes", "100"), ("maxmemory", "1gb"),
        ], values).Remembered));
        Assert.Equal("5", Text(store.Values, "maxclients"));
        Assert.Equal("1073741824", Text(store.Values, "maxmemory"));
        Assert.Equal(5, runtime.MaxClients);
        Assert.Equal(30_000, runtime.IdleTimeoutMs);
        Assert.Equal(1 << 20, runtime.ProtoMaxBulkLen);
        Assert.Equal(2 << 20, runtime.ClientQueryBufferLimit);
        Assert.Equal(new OutputBufferLimit(1 << 20, 512 << 10, 10), runtime.PubsubOutputBufferLimit);
        Assert.Equal(new OutputBufferLimit(0, 0, 0), runtime.NormalOutputBufferLimit);
        Assert.Equal(-1, runtime.SlowlogLogSlowerThan);
        Assert.Equal(5, runtime.SlowlogMaxLen);
        Assert.Equal(100, runtime.HllSparseMaxBytes);
        Assert.Equal(version + 1, runtime.Version);

        // Only maxmemory changes, which no proxy code reads: the version stays.
        await store.UpdateAsync(values => Task.FromResult(ConfigUpdate.Plan([("maxmemory", "2gb"), ("maxclients", "5")], values).Remembered));
        Assert.Equal(version + 1, runtime.Version);
    }

    [Fact]
    public void Runtime_settings_start_from_the_proxy_s_configuration_and_redis_defaults()
    {
        var runtime = new RuntimeConfig(Options);
        Assert.Equal(77, runtime.MaxClients);
        Assert.Equal(1500, runtime.IdleTimeoutMs);
        Assert.Equal(2 << 20, runtime.ProtoMaxBulkLen);
        Assert.Equal(4 << 20, runtime.ClientQueryBufferLimit);
        Assert.Equal(OutputBufferLimit.PubsubDefault, runtime.PubsubOutputBufferLimit);
        Assert.Equal(new OutputBufferLimit(256 << 20, 64 << 20, 60), runtime.ReplicaOutputBufferLimit);
        Assert.Equal(10000, runtime.SlowlogLogSlowerThan);
        Assert.Equal(128, runtime.SlowlogMaxLen);
        Assert.Equal(3000, runtime.HllSparseMaxBytes);
    }
}
