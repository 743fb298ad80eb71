using RedisOnMySql.Kernel.Notifications;
using static RedisOnMySql.Kernel.Families.Server.Config.ConfigFlags;
using static RedisOnMySql.Kernel.Families.Server.Config.NumberFormat;

namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// Every parameter of Redis 7.0's config table (src/config.c, TLS build as Debian ships it), in its order: names,
/// aliases, types, bounds, defaults, flags and the apply steps that matter here. Defaults are Redis's; where the proxy
/// starts from its own setting instead (databases, maxclients, bind...), <see cref="InitialConfigValues"/> says so.
/// </summary>
internal static class RedisConfigTable
{
    private const long IntMin = int.MinValue;
    private const long IntMax = int.MaxValue;
    private const long UIntMax = uint.MaxValue;
    private const long LongMax = long.MaxValue;

    /// <summary>ULLONG_MAX as Redis keeps it in a long long.</summary>
    private const long ULongLongMax = -1;

    private static readonly EnumConfigType SupervisedModes = new([("upstart", 1), ("systemd", 2), ("auto", 3), ("no", 0)]);

    private static readonly EnumConfigType SyslogFacilities = new(
    [
        ("user", 8), ("local0", 128), ("local1", 136), ("local2", 144), ("local3", 152), ("local4", 160),
        ("local5", 168), ("local6", 176), ("local7", 184),
    ]);

    private static readonly EnumConfigType DisklessLoadModes = new([("disabled", 0), ("on-empty-db", 1), ("swapdb", 2)]);
    private static readonly EnumConfigType LogLevels = new([("debug", 0), ("verbose", 1), ("notice", 2), ("warning", 3)]);

    private static readonly EnumConfigType MaxmemoryPolicies = new(
    [
        ("volatile-lru", 0), ("volatile-lfu", 1), ("volatile-random", 2), ("volatile-ttl", 3), ("allkeys-lru", 4),
        ("allkeys-lfu", 5), ("allkeys-random", 6), ("noeviction", 7),
    ]);

    private static readonly EnumConfigType FsyncPolicies = new([("everysec", 1), ("always", 2), ("no", 0)]);
    private static readonly EnumConfigType OomScoreAdjModes = new([("no", 0), ("yes", 1), ("relative", 1), ("absolute", 2)]);
    private static readonly EnumConfigType PubsubDefaults = new([("allchannels", 8), ("resetchannels", 0)]);
    private static readonly EnumConfigType SanitizeModes = new([("no", 0), ("yes", 1), ("clients", 2)]);
    private static readonly EnumConfigType ProtectedActions = new([("no", 0), ("yes", 1), ("local", 2)]);
    private static readonly EnumConfigType EndpointTypes = new([("ip", 0), ("hostname", 1), ("unknown-endpoint", 2)]);
    private static readonly EnumConfigType PropagationErrorBehaviors = new([("ignore", 0), ("panic", 1), ("panic-on-replicas", 2)]);
    private static readonly EnumConfigType TlsAuthClients = new([("no", 0), ("yes", 1), ("optional", 2)]);

    private static readonly EnumConfigType ShutdownOnSignal = new(
    [
        ("default", 0), ("save", ShutdownFlags.Save), ("nosave", ShutdownFlags.NoSave), ("now", ShutdownFlags.Now),
        ("force", ShutdownFlags.Force),
    ], flags: true, validate: ConfigValidators.ShutdownOnSignal);

    public static readonly IReadOnlyList<ConfigParameter> All =
    [
        Bool("rdbchecksum", true, Immutable),
        Bool("daemonize", false, Immutable),
        Bool("io-threads-do-reads", false, Immutable),
        Bool("always-show-logo", false, Immutable),
        Bool("protected-mode", true),
        Bool("rdbcompression", true),
        Bool("rdb-del-sync-files", false),
        Bool("activerehashing", true),
        Bool("stop-writes-on-bgsave-error", true),
        Bool("set-proc-title", true, Immutable),
        Bool("dynamic-hz", true),
        Bool("lazyfree-lazy-eviction", false),
        Bool("lazyfree-lazy-expire", false),
        Bool("lazyfree-lazy-server-del", false),
        Bool("lazyfree-lazy-user-del", false),
        Bool("lazyfree-lazy-user-flush", false),
        Bool("repl-disable-tcp-nodelay", false),
        Bool("repl-diskless-sync", true),
        Bool("aof-rewrite-incremental-fsync", true),
        Bool("no-appendfsync-on-rewrite", false),
        Bool("cluster-require-full-coverage", true),
        Bool("rdb-save-incremental-fsync", true),
        Bool("aof-load-truncated", true),
        Bool("aof-use-rdb-preamble", true),
        Bool("aof-timestamp-enabled", false),
        Bool("cluster-replica-no-failover", false, alias: "cluster-slave-no-failover"),
        Bool("replica-lazy-flush", false, alias: "slave-lazy-flush"),
        Bool("replica-serve-stale-data", true, alias: "slave-serve-stale-data"),
        Bool("replica-read-only", true, alias: "slave-read-only"),
        Bool("replica-ignore-maxmemory", true, alias: "slave-ignore-maxmemory"),
        Bool("jemalloc-bg-thread", true),
        Bool("activedefrag", false, validate: ConfigValidators.ActiveDefrag),
        Bool("syslog-enabled", false, Immutable),
        Bool("cluster-enabled", false, Immutable),
        Bool("appendonly", false),
        Bool("cluster-allow-reads-when-down", false),
        Bool("cluster-allow-pubsubshard-when-down", true),
        Bool("crash-log-enabled", true),
        Bool("crash-memcheck-enabled", true),
        Bool("use-exit-on-panic", false, Hidden),
        Bool("disable-thp", true, Immutable),
        Bool("cluster-allow-replica-migration", true),
        Bool("replica-announced", true),
        Bool("latency-tracking", true),
        Bool("aof-disable-auto-gc", false),
        Bool("replica-ignore-disk-write-errors", false),

        Text("aclfile", "", Immutable),
        Text("unixsocket", "", Immutable),
        Text("pidfile", "", Immutable),
        Text("replica-announce-ip", "", alias: "slave-announce-ip"),
        Text("masteruser", ""),
        Text("cluster-announce-ip", ""),
        Text("cluster-config-file", "nodes.conf", Immutable),
        Text("cluster-announce-hostname", "", validate: ConfigValidators.AnnouncedHostname),
        Text("syslog-ident", "redis", Immutable),
        Text("dbfilename", "dump.rdb", Protected),
        Text("appendfilename", "appendonly.aof", Immutable),
        Text("appenddirname", "appendonlydir", Immutable),
        Text("server_cpulist", "", Immutable),
        Text("bio_cpulist", "", Immutable),
        Text("aof_rewrite_cpulist", "", Immutable),
        Text("bgsave_cpulist", "", Immutable),
        Text("ignore-warnings", ""),
        Text("proc-title-template", "{title} {listen-addr} {server-mode}", validate: ConfigValidators.ProcTitleTemplate),
        Text("bind-source-addr", ""),
        Text("logfile", "", Immutable),
        Text("masterauth", ""),
        Text("requirepass", "", validate: ConfigValidators.RequirePass),

        Choice("supervised", SupervisedModes, "no", Immutable),
        Choice("syslog-facility", SyslogFacilities, "local0", Immutable),
        Choice("repl-diskless-load", DisklessLoadModes, "disabled"),
        Choice("loglevel", LogLevels, "notice"),
        Choice("maxmemory-policy", MaxmemoryPolicies, "noeviction"),
        Choice("appendfsync", FsyncPolicies, "everysec"),
        Choice("oom-score-adj", OomScoreAdjModes, "no"),
        Choice("acl-pubsub-default", PubsubDefaults, "resetchannels"),
        Choice("sanitize-dump-payload", SanitizeModes, "no"),
        Choice("enable-protected-configs", ProtectedActions, "no", Immutable),
        Choice("enable-debug-command", ProtectedActions, "no", Immutable),
        Choice("enable-module-command", ProtectedActions, "no", Immutable),
        Choice("cluster-preferred-endpoint-type", EndpointTypes, "ip"),
        Choice("propagation-error-behavior", PropagationErrorBehaviors, "ignore"),
        Choice("shutdown-on-sigint", ShutdownOnSignal, "default"),
        Choice("shutdown-on-sigterm", ShutdownOnSignal, "default"),

        Number("databases", 1, IntMax, 16, flags: Immutable),
        Number("port", 0, 65535, 6379, apply: ConfigApplies.ListenPort, source: ConfigValueSource.ListenPort),
        Number("io-threads", 1, 128, 1, flags: Immutable),
        Number("auto-aof-rewrite-percentage", 0, IntMax, 100),
        Number("cluster-replica-validity-factor", 0, IntMax, 10, alias: "cluster-slave-validity-factor"),
        Number("list-max-listpack-size", IntMin, IntMax, -2, alias: "list-max-ziplist-size"),
        Number("tcp-keepalive", 0, IntMax, 300),
        Number("cluster-migration-barrier", 0, IntMax, 1),
        Number("active-defrag-cycle-min", 1, 99, 1),
        Number("active-defrag-cycle-max", 1, 99, 25),
        Number("active-defrag-threshold-lower", 0, 1000, 10),
        Number("active-defrag-threshold-upper", 0, 1000, 100),
        Number("lfu-log-factor", 0, IntMax, 10),
        Number("lfu-decay-time", 0, IntMax, 1),
        Number("replica-priority", 0, IntMax, 100, alias: "slave-priority"),
        Number("repl-diskless-sync-delay", 0, IntMax, 5),
        Number("maxmemory-samples", 1, IntMax, 5),
        Number("maxmemory-eviction-tenacity", 0, 100, 10),
        Number("timeout", 0, IntMax, 0),
        Number("replica-announce-port", 0, 65535, 0, alias: "slave-announce-port"),
        Number("tcp-backlog", 0, IntMax, 511, flags: Immutable),
        Number("cluster-port", 0, 65535, 0, flags: Immutable),
        Number("cluster-announce-bus-port", 0, 65535, 0),
        Number("cluster-announce-port", 0, 65535, 0),
        Number("cluster-announce-tls-port", 0, 65535, 0),
        Number("repl-timeout", 1, IntMax, 60),
        Number("repl-ping-replica-period", 1, IntMax, 10, alias: "repl-ping-slave-period"),
        Number("list-compress-depth", 0, IntMax, 0),
        Number("rdb-key-save-delay", IntMin, IntMax, 0, flags: Hidden),
        Number("key-load-delay", IntMin, IntMax, 0, flags: Hidden),
        Number("active-expire-effort", 1, 10, 1),
        Number("hz", 0, IntMax, 10, apply: ConfigApplies.Hz),
        Number("min-replicas-to-write", 0, IntMax, 0, alias: "min-slaves-to-write"),
        Number("min-replicas-max-lag", 0, IntMax, 10, alias: "min-slaves-max-lag"),
        Number("watchdog-period", 0, IntMax, 0, flags: Hidden),
        Number("shutdown-timeout", 0, IntMax, 10),
        Number("repl-diskless-sync-max-replicas", 0, IntMax, 0),
        Number("maxclients", 1, UIntMax, 10000, unsignedBounds: true),
        Number("unixsocketperm", 0, 511, 0, Octal, unsignedBounds: true, flags: Immutable),
        Number("socket-mark-id", 0, UIntMax, 0, unsignedBounds: true, flags: Immutable),
        Number("active-defrag-max-scan-fields", 1, LongMax, 1000),
        Number("slowlog-max-len", 0, LongMax, 128),
        Number("acllog-max-len", 0, LongMax, 128),
        Number("busy-reply-threshold", 0, LongMax, 5000, alias: "lua-time-limit"),
        Number("cluster-node-timeout", 0, LongMax, 15000),
        Number("slowlog-log-slower-than", -1, LongMax, 10000),
        Number("latency-monitor-threshold", 0, LongMax, 0),
        Number("proto-max-bulk-len", 1024 * 1024, LongMax, 512L * 1024 * 1024, Memory),
        Number("stream-node-max-entries", 0, LongMax, 100),
        Number("repl-backlog-size", 1, LongMax, 1024 * 1024, Memory),
        Number("maxmemory", 0, ULongLongMax, 0, Memory, unsignedBounds: true),
        Number("cluster-link-sendbuf-limit", 0, ULongLongMax, 0, Memory, unsignedBounds: true),
        Number("hash-max-listpack-entries", 0, LongMax, 512, unsignedBounds: true, alias: "hash-max-ziplist-entries"),
        Number("set-max-intset-entries", 0, LongMax, 512, unsignedBounds: true),
        Number("zset-max-listpack-entries", 0, LongMax, 128, unsignedBounds: true, alias: "zset-max-ziplist-entries"),
        Number("active-defrag-ignore-bytes", 1, LongMax, 100L << 20, Memory, unsignedBounds: true),
        Number("hash-max-listpack-value", 0, LongMax, 64, Memory, unsignedBounds: true, alias: "hash-max-ziplist-value"),
        Number("stream-node-max-bytes", 0, LongMax, 4096, Memory, unsignedBounds: true),
        Number("zset-max-listpack-value", 0, LongMax, 64, Memory, unsignedBounds: true, alias: "zset-max-ziplist-value"),
        Number("hll-sparse-max-bytes", 0, LongMax, 3000, Memory, unsignedBounds: true),
        Number("tracking-table-max-keys", 0, LongMax, 1000000, unsignedBounds: true),
        Number("client-query-buffer-limit", 1024 * 1024, LongMax, 1024L * 1024 * 1024, Memory, unsignedBounds: true),
        Number("maxmemory-clients", -100, LongMax, 0, MemoryOrPercent),
        Number("repl-backlog-ttl", 0, LongMax, 60 * 60),
        Number("auto-aof-rewrite-min-size", 0, LongMax, 64L * 1024 * 1024, Memory),
        Number("loading-process-events-interval-bytes", 1024, IntMax, 2L * 1024 * 1024, flags: Hidden),

        Number("tls-port", 0, 65535, 0, apply: ConfigApplies.TlsPort),
        Number("tls-session-cache-size", 0, IntMax, 20 * 1024, apply: ConfigApplies.TlsContext),
        Number("tls-session-cache-timeout", 0, IntMax, 300, apply: ConfigApplies.TlsContext),
        Bool("tls-cluster", false, apply: ConfigApplies.TlsContext),
        Bool("tls-replication", false, apply: ConfigApplies.TlsContext),
        Choice("tls-auth-clients", TlsAuthClients, "yes"),
        Bool("tls-prefer-server-ciphers", false, apply: ConfigApplies.TlsContext),
        Bool("tls-session-caching", true, apply: ConfigApplies.TlsContext),
        Text("tls-cert-file", "", apply: ConfigApplies.TlsContext),
        Text("tls-key-file", "", apply: ConfigApplies.TlsContext),
        Text("tls-key-file-pass", "", apply: ConfigApplies.TlsContext),
        Text("tls-client-cert-file", "", apply: ConfigApplies.TlsContext),
        Text("tls-client-key-file", "", apply: ConfigApplies.TlsContext),
        Text("tls-client-key-file-pass", "", apply: ConfigApplies.TlsContext),
        Text("tls-dh-params-file", "", apply: ConfigApplies.TlsContext),
        Text("tls-ca-cert-file", "", apply: ConfigApplies.TlsContext),
        Text("tls-ca-cert-dir", "", apply: ConfigApplies.TlsContext),
        Text("tls-protocols", "", apply: ConfigApplies.TlsContext),
        Text("tls-ciphers", "", apply: ConfigApplies.TlsContext),
        Text("tls-ciphersuites", "", apply: ConfigApplies.TlsContext),

        Special("dir", new TextConfigType(), "", Protected, source: ConfigValueSource.WorkingDirectory),
        Special("save", new SaveConfigType(), new[] { new SavePoint(3600, 1), new SavePoint(300, 100), new SavePoint(60, 10000) }),
        Special("client-output-buffer-limit", new ClientOutputBufferLimitConfigType(), new ClientOutputBufferLimits(
            new ClientBufferLimit(0, 0, 0),
            new ClientBufferLimit(256UL * 1024 * 1024, 64UL * 1024 * 1024, 60),
            new ClientBufferLimit(32UL * 1024 * 1024, 8UL * 1024 * 1024, 60))),
        Special("oom-score-adj-values", new OomScoreAdjValuesConfigType(), new[] { 0, 200, 800 }),
        Special("notify-keyspace-events", new NotifyConfigType(), NotifyFlags.None, source: ConfigValueSource.TenantSetting),
        Special("bind", new BindConfigType(), new[] { "*", "-::*" }, apply: ConfigApplies.BindAddresses),
        // Immutable, so its value is only ever printed: "" for a master.
        Special("replicaof", new TextConfigType(), "", Immutable, alias: "slaveof"),
        Special("latency-tracking-info-percentiles", new PercentilesConfigType(), new[] { 50.0, 99.0, 99.9 }),
    ];

    private static readonly Dictionary<string, ConfigParameter> ByName = IndexByName();

    /// <summary>The parameter a name or alias (any case) stands for, and its name as Redis spells it.</summary>
    public static bool TryFind(string name, out ConfigParameter parameter, out string spelled)
    {
        spelled = "";
        if (!ByName.TryGetValue(name, out parameter!)) return false;
        spelled = parameter.Alias is { } alias && alias.Equals(name, StringComparison.OrdinalIgnoreCase) ? alias : parameter.Name;
        return true;
    }

    /// <summary>A parameter the proxy's code refers to by name.</summary>
    public static ConfigParameter Find(string name) =>
        TryFind(name, out var parameter, out _) ? parameter : throw new KeyNotFoundException(name);

    private static Dictionary<string, ConfigParameter> IndexByName()
    {
        var byName = new Dictionary<string, ConfigParameter>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in All)
        {
            byName.Add(parameter.Name, parameter);
            if (parameter.Alias is { } alias) byName.Add(alias, parameter);
        }
        return byName;
    }

    private static ConfigParameter Bool(string name, bool defaultValue, ConfigFlags flags = None, string? alias = null,
        Func<bool, string?>? validate = null, ConfigApply? apply = null) =>
        new(name, alias, new BoolConfigType(validate), defaultValue, flags, apply, ConfigValueSource.Remembered);

    private static ConfigParameter Text(string name, string defaultValue, ConfigFlags flags = None, string? alias = null,
        Func<string, string?>? validate = null, ConfigApply? apply = null) =>
        new(name, alias, new TextConfigType(validate), defaultValue, flags, apply, ConfigValueSource.Remembered);

    private static ConfigParameter Choice(string name, EnumConfigType type, string defaultName, ConfigFlags flags = None) =>
        new(name, null, type, type.ValueOf(defaultName), flags, null, ConfigValueSource.Remembered);

    private static ConfigParameter Number(string name, long lower, long upper, long defaultValue, NumberFormat format = Integer,
        bool unsignedBounds = false, ConfigFlags flags = None, string? alias = null, ConfigApply? apply = null,
        ConfigValueSource source = ConfigValueSource.Remembered) =>
        new(name, alias, new NumberConfigType(lower, upper, format, unsignedBounds), defaultValue, flags, apply, source);

    private static ConfigParameter Special(string name, ConfigType type, object defaultValue, ConfigFlags flags = None,
        string? alias = null, ConfigApply? apply = null, ConfigValueSource source = ConfigValueSource.Remembered) =>
        new(name, alias, type, defaultValue, flags, apply, source);
}
