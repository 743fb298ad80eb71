using System.Globalization;
using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Tests.Configuration;

/// <summary>Every environment variable of the seed (and of our extensions) reaches its option.</summary>
public class EnvironmentVariableTests
{
    [Theory]
    [InlineData("REDIS_MYSQL_BIND", "127.0.0.1:7001", "BindAddr")]
    [InlineData("REDIS_MYSQL_ADDR", "[::1]:3310", "MysqlAddr")]
    [InlineData("REDIS_MYSQL_DATABASE", "other", "MysqlDatabase")]
    [InlineData("REDIS_MYSQL_DSN_OPTIONS", "SslMode=None;", "MysqlOptions")]
    [InlineData("REDIS_MYSQL_TENANT_REGEX", "^(?P<tenant>[a-z]+)_", "Auth.TenantRegex")]
    [InlineData("REDIS_MYSQL_TENANT_NO_MATCH", "reject", "Auth.TenantNoMatch")]
    [InlineData("REDIS_MYSQL_DEFAULT_USER", "guest", "Auth.DefaultUser")]
    [InlineData("REDIS_MYSQL_DEFAULT_PASSWORD", "pw", "Auth.DefaultPassword")]
    [InlineData("REDIS_MYSQL_POOL_MAX_CONNECTIONS", "17", "Pool.MaxConnections")]
    [InlineData("REDIS_MYSQL_POOL_CONNECT_TIMEOUT_MS", "5001", "Pool.ConnectTimeoutMs")]
    [InlineData("REDIS_MYSQL_POOL_IDLE_TTL_SECS", "601", "Pool.IdleTtlSecs")]
    [InlineData("REDIS_MYSQL_EXPIRE_CLEANUP_INTERVAL_SECS", "61", "Cleanup.ExpireCleanupIntervalSecs")]
    [InlineData("REDIS_MYSQL_EXPIRE_CLEANUP_BATCH", "1001", "Cleanup.ExpireCleanupBatch")]
    [InlineData("REDIS_MYSQL_ORPHAN_CLEANUP_INTERVAL_SECS", "63", "Cleanup.OrphanCleanupIntervalSecs")]
    [InlineData("REDIS_MYSQL_ORPHAN_CLEANUP_BATCH", "1002", "Cleanup.OrphanCleanupBatch")]
    [InlineData("REDIS_MYSQL_PUBSUB_CLEANUP_INTERVAL_SECS", "62", "Cleanup.PubsubCleanupIntervalSecs")]
    [InlineData("REDIS_MYSQL_PUBSUB_IDLE_SECS", "602", "Cleanup.PubsubIdleSecs")]
    [InlineData("REDIS_MYSQL_PUBSUB_MESSAGE_TTL_SECS", "3601", "Cleanup.PubsubMessageTtlSecs")]
    [InlineData("REDIS_MYSQL_EVENTS_CLEANUP_INTERVAL_SECS", "64", "Cleanup.EventsCleanupIntervalSecs")]
    [InlineData("REDIS_MYSQL_EVENTS_POLL_MS", "51", "Events.PollMs")]
    [InlineData("REDIS_MYSQL_EVENTS_POLL_BATCH", "1025", "Events.PollBatch")]
    [InlineData("REDIS_MYSQL_EVENTS_RETENTION_SECS", "301", "Events.RetentionSecs")]
    [InlineData("REDIS_MYSQL_PUBSUB_POLL_MS", "201", "Pubsub.PollMs")]
    [InlineData("REDIS_MYSQL_PUBSUB_POLL_BATCH", "129", "Pubsub.PollBatch")]
    [InlineData("REDIS_MYSQL_PUBSUB_HEARTBEAT_SECS", "31", "Pubsub.HeartbeatSecs")]
    [InlineData("REDIS_MYSQL_SET_RETRY_MAX_ATTEMPTS", "4", "StringSetRetry.MaxAttempts")]
    [InlineData("REDIS_MYSQL_SET_RETRY_BACKOFF_BASE_MS", "2", "StringSetRetry.BackoffBaseMs")]
    [InlineData("REDIS_MYSQL_SET_RETRY_BACKOFF_MAX_MS", "17", "StringSetRetry.BackoffMaxMs")]
    [InlineData("REDIS_MYSQL_SET_RETRY_DEADLINE_MS", "500", "StringSetRetry.DeadlineMs")]
    [InlineData("REDIS_MYSQL_INCR_RETRY_MAX_ATTEMPTS", "65", "StringIncrRetry.MaxAttempts")]
    [InlineData("REDIS_MYSQL_INCR_RETRY_BACKOFF_BASE_MS", "3", "StringIncrRetry.BackoffBaseMs")]
    [InlineData("REDIS_MYSQL_INCR_RETRY_BACKOFF_MAX_MS", "18", "StringIncrRetry.BackoffMaxMs")]
    [InlineData("REDIS_MYSQL_INCR_RETRY_DEADLINE_MS", "2001", "StringIncrRetry.DeadlineMs")]
    [InlineData("REDIS_MYSQL_MAX_FRAME_SIZE", "1024", "Server.MaxFrameSize")]
    [InlineData("REDIS_MYSQL_MAX_BULK_LEN", "1025", "Server.MaxBulkLen")]
    [InlineData("REDIS_MYSQL_MAX_ARRAY_LEN", "1026", "Server.MaxArrayLen")]
    [InlineData("REDIS_MYSQL_MAX_DEPTH", "9", "Server.MaxDepth")]
    [InlineData("REDIS_MYSQL_MAX_INFLIGHT", "1027", "Server.MaxInflight")]
    [InlineData("REDIS_MYSQL_MAX_CONNECTIONS", "10001", "Server.MaxConnections")]
    [InlineData("REDIS_MYSQL_READ_TIMEOUT_MS", "100", "Server.ReadTimeoutMs")]
    [InlineData("REDIS_MYSQL_WRITE_TIMEOUT_MS", "30001", "Server.WriteTimeoutMs")]
    [InlineData("REDIS_MYSQL_IDLE_TIMEOUT_MS", "101", "Server.IdleTimeoutMs")]
    [InlineData("REDIS_MYSQL_PUSH_QUEUE_LEN", "1028", "Server.PushQueueLen")]
    [InlineData("REDIS_MYSQL_RESPONSE_QUEUE_LEN", "1029", "Server.ResponseQueueLen")]
    [InlineData("REDIS_MYSQL_WRITE_BATCH_BYTES", "65537", "Server.WriteBatchBytes")]
    [InlineData("REDIS_MYSQL_TCP_NODELAY", "false", "Server.TcpNodelay")]
    [InlineData("REDIS_MYSQL_BACKLOG", "512", "Server.Backlog")]
    [InlineData("REDIS_MYSQL_DATABASES", "32", "Databases")]
    [InlineData("REDIS_MYSQL_FAMILIES_DISABLED", "geo", "Families.Disabled")]
    [InlineData("REDIS_MYSQL_COMMANDS_DISABLED", "FLUSHALL", "Commands.Disabled")]
    [InlineData("REDIS_MYSQL_PLUGINS_DIR", "/srv/plugins", "Plugins.Directory")]
    public void Variable_sets_its_option(string variable, string value, string propertyPath)
    {
        var options = ConfigLoader.Load(new Dictionary<string, string?> { [variable] = value });

        Assert.Equal(value, Read(options, propertyPath));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("yes", true)]
    [InlineData("No", false)]
    public void Booleans_accept_true_false_one_zero_yes_no(string text, bool expected)
    {
        var options = ConfigLoader.Load(new Dictionary<string, string?> { ["REDIS_MYSQL_TCP_NODELAY"] = text });

        Assert.Equal(expected, options.Server.TcpNodelay);
    }

    [Fact]
    public void Variables_unrelated_to_config_are_ignored()
    {
        var options = ConfigLoader.Load(new Dictionary<string, string?>
        {
            ["REDIS_MYSQL_TEST_ADDR"] = "not an address",
            ["PATH"] = "/usr/bin",
        });

        Assert.Equal("127.0.0.1:3306", options.MysqlAddr);
    }

    /// <summary>Follows a dotted property path by reflection, so the expectations do not depend on the loader's own table.</summary>
    private static string Read(ProxyOptions options, string propertyPath)
    {
        object value = options;
        foreach (var name in propertyPath.Split('.'))
        {
            value = value.GetType().GetProperty(name)!.GetValue(value)!;
        }

        return value switch
        {
            bool flag => flag ? "true" : "false",
            IEnumerable<string> list => string.Join(',', list),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        };
    }
}
