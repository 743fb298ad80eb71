using RedisOnMySql.Kernel.Families.Server.Config;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>The parameter table against the facts of Redis 7.0.15's src/config.c (static_configs[], TLS build).</summary>
public class ConfigParameterTableTests
{
    /// <summary>Every name and alias of Redis 7.0's table, in its order (hidden ones included).</summary>
    private static readonly string[] RedisNames =
    [
        "rdbchecksum", "daemonize", "io-threads-do-reads", "always-show-logo", "protected-mode", "rdbcompression",
        "rdb-del-sync-files", "activerehashing", "stop-writes-on-bgsave-error", "set-proc-title", "dynamic-hz",
        "lazyfree-lazy-eviction", "lazyfree-lazy-expire", "lazyfree-lazy-server-del", "lazyfree-lazy-user-del",
        "lazyfree-lazy-user-flush", "repl-disable-tcp-nodelay", "repl-diskless-sync", "aof-rewrite-incremental-fsync",
        "no-appendfsync-on-rewrite", "cluster-require-full-coverage", "rdb-save-incremental-fsync",
        "aof-load-truncated", "aof-use-rdb-preamble", "aof-timestamp-enabled", "cluster-replica-no-failover",
        "cluster-slave-no-failover", "replica-lazy-flush", "slave-lazy-flush", "replica-serve-stale-data",
        "slave-serve-stale-data", "replica-read-only", "slave-read-only", "replica-ignore-maxmemory",
        "slave-ignore-maxmemory", "jemalloc-bg-thread", "activedefrag", "syslog-enabled", "cluster-enabled",
        "appendonly", "cluster-allow-reads-when-down", "cluster-allow-pubsubshard-when-down", "crash-log-enabled",
        "crash-memcheck-enabled", "use-exit-on-panic", "disable-thp", "cluster-allow-replica-migration",
        "replica-announced", "latency-tracking", "aof-disable-auto-gc", "replica-ignore-disk-write-errors", "aclfile",
        "unixsocket", "pidfile", "replica-announce-ip", "slave-announce-ip", "masteruser", "cluster-announce-ip",
        "cluster-config-file", "cluster-announce-hostname", "syslog-ident", "dbfilename", "appendfilename",
        "appenddirname", "server_cpulist", "bio_cpulist", "aof_rewrite_cpulist", "bgsave_cpulist", "ignore-warnings",
        "proc-title-template", "bind-source-addr", "logfile", "masterauth", "requirepass", "supervised",
        "syslog-facility", "repl-diskless-load", "loglevel", "maxmemory-policy", "appendfsync", "oom-score-adj",
        "acl-pubsub-default", "sanitize-dump-payload", "enable-protected-configs", "enable-debug-command",
        "enable-module-command", "cluster-preferred-endpoint-type", "propagation-error-behavior", "shutdown-on-sigint",
        "shutdown-on-sigterm", "databases", "port", "io-threads", "auto-aof-rewrite-percentage",
        "cluster-replica-validity-factor", "cluster-slave-validity-factor", "list-max-listpack-size",
        "list-max-ziplist-size", "tcp-keepalive", "cluster-migration-barrier", "active-defrag-cycle-min",
        "active-defrag-cycle-max", "active-defrag-threshold-lower", "active-defrag-threshold-upper", "lfu-log-factor",
        "lfu-decay-time", "replica-priority", "slave-priority", "repl-diskless-sync-delay", "maxmemory-samples",
        "maxmemory-eviction-tenacity", "timeout", "replica-announce-port", "slave-announce-port", "tcp-backlog",
        "cluster-port", "cluster-announce-bus-port", "cluster-announce-port", "cluster-announce-tls-port",
        "repl-timeout", "repl-ping-replica-period", "repl-ping-slave-period", "list-compress-depth",
        "rdb-key-save-delay", "key-load-delay", "active-expire-effort", "hz", "min-replicas-to-write",
        "min-slaves-to-write", "min-replicas-max-lag", "min-slaves-max-lag", "watchdog-period", "shutdown-timeout",
        "repl-diskless-sync-max-replicas", "maxclients", "unixsocketperm", "socket-mark-id",
        "active-defrag-max-scan-fields", "slowlog-max-len", "acllog-max-len", "busy-reply-threshold", "lua-time-limit",
        "cluster-node-timeout", "slowlog-log-slower-than", "latency-monitor-threshold", "proto-max-bulk-len",
        "stream-node-max-entries", "repl-backlog-size", "maxmemory", "cluster-link-sendbuf-limit",
        "hash-max-listpack-entries", "hash-max-ziplist-entries", "set-max-intset-entries", "zset-max-listpack-entries",
        "zset-max-ziplist-entries", "active-defrag-ignore-bytes", "hash-max-listpack-value", "hash-max-ziplist-value",
        "stream-node-max-bytes", "zset-max-listpack-value", "zset-max-ziplist-value", "hll-sparse-max-bytes",
        "tracking-table-max-keys", "client-query-buffer-limit", "maxmemory-clients", "repl-backlog-ttl",
        "auto-aof-rewrite-min-size", "loading-process-events-interval-bytes", "tls-port", "tls-session-cache-size",
        "tls-session-cache-timeout", "tls-cluster", "tls-replication", "tls-auth-clients", "tls-prefer-server-ciphers",
        "tls-session-caching", "tls-cert-file", "tls-key-file", "tls-key-file-pass", "tls-client-cert-file",
        "tls-client-key-file", "tls-client-key-file-pass", "tls-dh-params-file", "tls-ca-cert-file", "tls-ca-cert-dir",
        "tls-protocols", "tls-ciphers", "tls-ciphersuites", "dir", "save", "client-output-buffer-limit",
        "oom-score-adj-values", "notify-keyspace-events", "bind", "replicaof", "slaveof",
        "latency-tracking-info-percentiles"
    ];

    private static readonly string[] RedisImmutable =
    [
        "rdbchecksum", "daemonize", "io-threads-do-reads", "always-show-logo", "set-proc-title", "syslog-enabled",
        "cluster-enabled", "disable-thp", "aclfile", "unixsocket", "pidfile", "cluster-config-file", "syslog-ident",
        "appendfilename", "appenddirname", "server_cpulist", "bio_cpulist", "aof_rewrite_cpulist", "bgsave_cpulist",
        "logfile", "supervised", "syslog-facility", "enable-protected-configs", "enable-debug-command",
        "enable-module-command", "databases", "io-threads", "tcp-backlog", "cluster-port", "unixsocketperm",
        "socket-mark-id", "replicaof",
    ];

    private static readonly string[] RedisHidden =
        ["use-exit-on-panic", "rdb-key-save-delay", "key-load-delay", "watchdog-period", "loading-process-events-interval-bytes"];

    private static IEnumerable<string> TableNames() =>
        RedisConfigTable.All.SelectMany(p => p.Alias is { } alias ? new[] { p.Name, alias } : [p.Name]);

    [Fact]
    public void Holds_every_name_and_alias_of_redis_7_0_in_its_order()
    {
        Assert.Equal(197, RedisNames.Length);
        Assert.Equal(RedisNames, TableNames());
    }

    [Fact]
    public void Every_name_finds_its_parameter_in_any_case_and_is_spelled_as_redis_spells_it()
    {
        foreach (var name in RedisNames)
        {
            Assert.True(RedisConfigTable.TryFind(name.ToUpperInvariant(), out var parameter, out var spelled), name);
            Assert.Equal(name, spelled);
            Assert.True(parameter.Name == name || parameter.Alias == name);
        }
        Assert.False(RedisConfigTable.TryFind("no-such-parameter", out _, out _));
        Assert.Same(RedisConfigTable.Find("hash-max-listpack-value"), RedisConfigTable.Find("hash-max-ziplist-value"));
    }

    [Fact]
    public void Immutable_protected_and_hidden_parameters_are_redis_s()
    {
        Assert.Equal(RedisImmutable, RedisConfigTable.All.Where(p => p.Flags.HasFlag(ConfigFlags.Immutable)).Select(p => p.Name));
        Assert.Equal(["dbfilename", "dir"],
            RedisConfigTable.All.Where(p => p.Flags.HasFlag(ConfigFlags.Protected)).Select(p => p.Name).Order());
        Assert.Equal(RedisHidden, RedisConfigTable.All.Where(p => p.Flags.HasFlag(ConfigFlags.Hidden)).Select(p => p.Name));
    }

    [Theory]
    [InlineData("hash-max-listpack-value", "64")]
    [InlineData("maxmemory", "0")]
    [InlineData("maxmemory-clients", "0")]
    [InlineData("client-query-buffer-limit", "1073741824")]
    [InlineData("proto-max-bulk-len", "536870912")]
    [InlineData("active-defrag-ignore-bytes", "104857600")]
    [InlineData("list-max-listpack-size", "-2")]
    [InlineData("unixsocketperm", "0")]
    [InlineData("maxmemory-policy", "noeviction")]
    [InlineData("oom-score-adj", "no")]
    [InlineData("acl-pubsub-default", "resetchannels")]
    [InlineData("shutdown-on-sigint", "default")]
    [InlineData("save", "3600 1 300 100 60 10000")]
    [InlineData("client-output-buffer-limit", "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60")]
    [InlineData("oom-score-adj-values", "0 200 800")]
    [InlineData("latency-tracking-info-percentiles", "50 99 99.9")]
    [InlineData("bind", "* -::*")]
    [InlineData("proc-title-template", "{title} {listen-addr} {server-mode}")]
    [InlineData("tls-auth-clients", "yes")]
    [InlineData("syslog-facility", "local0")]
    public void Defaults_print_as_redis_prints_them(string name, string expected)
    {
        var parameter = RedisConfigTable.Find(name);
        Assert.Equal(expected, parameter.Type.Format(parameter.Default));
    }
}
