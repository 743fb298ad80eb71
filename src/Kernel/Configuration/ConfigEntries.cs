using System.Linq.Expressions;
using static RedisOnMySql.Kernel.Configuration.ConfigValueTypes;

namespace RedisOnMySql.Kernel.Configuration;

/// <summary>Every config key, with the YAML path and environment variable of the seed.</summary>
internal static class ConfigEntries
{
    public static readonly IReadOnlyList<ConfigEntry> All =
    [
        Entry("bind_addr", "REDIS_MYSQL_BIND", ListenAddress, o => o.BindAddr),
        Entry("mysql_addr", "REDIS_MYSQL_ADDR", ServerAddresses, o => o.MysqlAddr),
        Entry("mysql_database", "REDIS_MYSQL_DATABASE", NonEmptyText, o => o.MysqlDatabase),
        Entry("mysql_options", "REDIS_MYSQL_DSN_OPTIONS", ConnectionOptions, o => o.MysqlOptions),
        Entry("databases", "REDIS_MYSQL_DATABASES", DatabaseCount, o => o.Databases),

        Entry("auth.tenant_regex", "REDIS_MYSQL_TENANT_REGEX", TenantRegex, o => o.Auth.TenantRegex),
        Entry("auth.tenant_no_match", "REDIS_MYSQL_TENANT_NO_MATCH", TenantNoMatch, o => o.Auth.TenantNoMatch),
        Entry("auth.default_user", "REDIS_MYSQL_DEFAULT_USER", Text, o => o.Auth.DefaultUser),
        Entry("auth.default_password", "REDIS_MYSQL_DEFAULT_PASSWORD", Secret, o => o.Auth.DefaultPassword),
        Entry("auth.proxy_user", "REDIS_MYSQL_PROXY_USER", Text, o => o.Auth.ProxyUser),
        Entry("auth.proxy_password", "REDIS_MYSQL_PROXY_PASSWORD", Secret, o => o.Auth.ProxyPassword),

        Entry("pool.max_connections", "REDIS_MYSQL_POOL_MAX_CONNECTIONS", PositiveInt, o => o.Pool.MaxConnections),
        Entry("pool.connect_timeout_ms", "REDIS_MYSQL_POOL_CONNECT_TIMEOUT_MS", PositiveInt, o => o.Pool.ConnectTimeoutMs),
        Entry("pool.idle_ttl_secs", "REDIS_MYSQL_POOL_IDLE_TTL_SECS", PositiveInt, o => o.Pool.IdleTtlSecs),

        Entry("cleanup.expire_cleanup_interval_secs", "REDIS_MYSQL_EXPIRE_CLEANUP_INTERVAL_SECS", PositiveInt, o => o.Cleanup.ExpireCleanupIntervalSecs),
        Entry("cleanup.expire_cleanup_batch", "REDIS_MYSQL_EXPIRE_CLEANUP_BATCH", PositiveInt, o => o.Cleanup.ExpireCleanupBatch),
        Entry("cleanup.orphan_cleanup_interval_secs", "REDIS_MYSQL_ORPHAN_CLEANUP_INTERVAL_SECS", PositiveInt, o => o.Cleanup.OrphanCleanupIntervalSecs),
        Entry("cleanup.orphan_cleanup_batch", "REDIS_MYSQL_ORPHAN_CLEANUP_BATCH", PositiveInt, o => o.Cleanup.OrphanCleanupBatch),
        Entry("cleanup.pubsub_cleanup_interval_secs", "REDIS_MYSQL_PUBSUB_CLEANUP_INTERVAL_SECS", PositiveInt, o => o.Cleanup.PubsubCleanupIntervalSecs),
        Entry("cleanup.pubsub_idle_secs", "REDIS_MYSQL_PUBSUB_IDLE_SECS", PositiveInt, o => o.Cleanup.PubsubIdleSecs),
        Entry("cleanup.pubsub_message_ttl_secs", "REDIS_MYSQL_PUBSUB_MESSAGE_TTL_SECS", PositiveInt, o => o.Cleanup.PubsubMessageTtlSecs),

        Entry("cleanup.events_cleanup_interval_secs", "REDIS_MYSQL_EVENTS_CLEANUP_INTERVAL_SECS", PositiveInt, o => o.Cleanup.EventsCleanupIntervalSecs),

        Entry("events.poll_ms", "REDIS_MYSQL_EVENTS_POLL_MS", PositiveInt, o => o.Events.PollMs),
        Entry("events.poll_batch", "REDIS_MYSQL_EVENTS_POLL_BATCH", PositiveInt, o => o.Events.PollBatch),
        Entry("events.retention_secs", "REDIS_MYSQL_EVENTS_RETENTION_SECS", PositiveInt, o => o.Events.RetentionSecs),

        Entry("pubsub.poll_ms", "REDIS_MYSQL_PUBSUB_POLL_MS", PositiveInt, o => o.Pubsub.PollMs),
        Entry("pubsub.poll_batch", "REDIS_MYSQL_PUBSUB_POLL_BATCH", PositiveInt, o => o.Pubsub.PollBatch),
        Entry("pubsub.heartbeat_secs", "REDIS_MYSQL_PUBSUB_HEARTBEAT_SECS", PositiveInt, o => o.Pubsub.HeartbeatSecs),

        Entry("cluster.announce_host", "REDIS_MYSQL_CLUSTER_ANNOUNCE_HOST", Text, o => o.Cluster.AnnounceHost),
        Entry("cluster.announce_port", "REDIS_MYSQL_CLUSTER_ANNOUNCE_PORT", PortOrZero, o => o.Cluster.AnnouncePort),
        Entry("cluster.heartbeat_secs", "REDIS_MYSQL_CLUSTER_HEARTBEAT_SECS", HeartbeatSeconds, o => o.Cluster.HeartbeatSecs),

        Entry("string_set_retry.max_attempts", "REDIS_MYSQL_SET_RETRY_MAX_ATTEMPTS", PositiveInt, o => o.StringSetRetry.MaxAttempts),
        Entry("string_set_retry.backoff_base_ms", "REDIS_MYSQL_SET_RETRY_BACKOFF_BASE_MS", NonNegativeInt, o => o.StringSetRetry.BackoffBaseMs),
        Entry("string_set_retry.backoff_max_ms", "REDIS_MYSQL_SET_RETRY_BACKOFF_MAX_MS", NonNegativeInt, o => o.StringSetRetry.BackoffMaxMs),
        Entry("string_set_retry.deadline_ms", "REDIS_MYSQL_SET_RETRY_DEADLINE_MS", NonNegativeInt, o => o.StringSetRetry.DeadlineMs),

        Entry("string_incr_retry.max_attempts", "REDIS_MYSQL_INCR_RETRY_MAX_ATTEMPTS", PositiveInt, o => o.StringIncrRetry.MaxAttempts),
        Entry("string_incr_retry.backoff_base_ms", "REDIS_MYSQL_INCR_RETRY_BACKOFF_BASE_MS", NonNegativeInt, o => o.StringIncrRetry.BackoffBaseMs),
        Entry("string_incr_retry.backoff_max_ms", "REDIS_MYSQL_INCR_RETRY_BACKOFF_MAX_MS", NonNegativeInt, o => o.StringIncrRetry.BackoffMaxMs),
        Entry("string_incr_retry.deadline_ms", "REDIS_MYSQL_INCR_RETRY_DEADLINE_MS", NonNegativeInt, o => o.StringIncrRetry.DeadlineMs),

        Entry("server.max_frame_size", "REDIS_MYSQL_MAX_FRAME_SIZE", PositiveInt, o => o.Server.MaxFrameSize),
        Entry("server.max_bulk_len", "REDIS_MYSQL_MAX_BULK_LEN", PositiveInt, o => o.Server.MaxBulkLen),
        Entry("server.max_array_len", "REDIS_MYSQL_MAX_ARRAY_LEN", PositiveInt, o => o.Server.MaxArrayLen),
        Entry("server.max_depth", "REDIS_MYSQL_MAX_DEPTH", PositiveInt, o => o.Server.MaxDepth),
        Entry("server.max_inflight", "REDIS_MYSQL_MAX_INFLIGHT", PositiveInt, o => o.Server.MaxInflight),
        Entry("server.max_connections", "REDIS_MYSQL_MAX_CONNECTIONS", PositiveInt, o => o.Server.MaxConnections),
        Entry("server.read_timeout_ms", "REDIS_MYSQL_READ_TIMEOUT_MS", NonNegativeInt, o => o.Server.ReadTimeoutMs),
        Entry("server.write_timeout_ms", "REDIS_MYSQL_WRITE_TIMEOUT_MS", NonNegativeInt, o => o.Server.WriteTimeoutMs),
        Entry("server.idle_timeout_ms", "REDIS_MYSQL_IDLE_TIMEOUT_MS", NonNegativeInt, o => o.Server.IdleTimeoutMs),
        Entry("server.push_queue_len", "REDIS_MYSQL_PUSH_QUEUE_LEN", PositiveInt, o => o.Server.PushQueueLen),
        Entry("server.response_queue_len", "REDIS_MYSQL_RESPONSE_QUEUE_LEN", PositiveInt, o => o.Server.ResponseQueueLen),
        Entry("server.write_batch_bytes", "REDIS_MYSQL_WRITE_BATCH_BYTES", PositiveInt, o => o.Server.WriteBatchBytes),
        Entry("server.tcp_nodelay", "REDIS_MYSQL_TCP_NODELAY", Bool, o => o.Server.TcpNodelay),
        Entry("server.inline_io", "REDIS_MYSQL_INLINE_IO", Bool, o => o.Server.InlineIo),
        Entry("server.backlog", "REDIS_MYSQL_BACKLOG", PositiveInt, o => o.Server.Backlog),

        Entry("families.enabled", "REDIS_MYSQL_FAMILIES_ENABLED", FamilyNames, o => o.Families.Enabled),
        Entry("families.disabled", "REDIS_MYSQL_FAMILIES_DISABLED", FamilyNames, o => o.Families.Disabled),
        Entry("commands.disabled", "REDIS_MYSQL_COMMANDS_DISABLED", CommandNames, o => o.Commands.Disabled),
        Entry("plugins.directory", "REDIS_MYSQL_PLUGINS_DIR", NonEmptyText, o => o.Plugins.Directory),
    ];

    public static readonly IReadOnlyDictionary<string, ConfigEntry> ByYamlPath =
        All.ToDictionary(entry => entry.YamlPath, StringComparer.Ordinal);

    /// <summary>YAML paths that hold a mapping of further keys, e.g. "pool".</summary>
    public static readonly IReadOnlySet<string> Sections =
        All.SelectMany(entry => Prefixes(entry.YamlPath)).ToHashSet(StringComparer.Ordinal);

    private static ConfigEntry<T> Entry<T>(
        string yamlPath, string envName, ConfigValueType<T> type, Expression<Func<ProxyOptions, T>> property) =>
        new(yamlPath, envName, type, property);

    private static IEnumerable<string> Prefixes(string yamlPath)
    {
        for (var dot = yamlPath.IndexOf('.'); dot >= 0; dot = yamlPath.IndexOf('.', dot + 1))
        {
            yield return yamlPath[..dot];
        }
    }
}
