using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Tests.Configuration;

public class ConfigDefaultsTests
{
    private static ProxyOptions LoadWithEmptyEnvironment() => ConfigLoader.Load(new Dictionary<string, string?>());

    [Fact]
    public void Core_and_auth_defaults_are_the_seeds()
    {
        var options = LoadWithEmptyEnvironment();

        Assert.Equal("0.0.0.0:6380", options.BindAddr);
        Assert.Equal("127.0.0.1:3306", options.MysqlAddr);
        Assert.Equal("redis", options.MysqlDatabase);
        Assert.Equal("", options.MysqlOptions);
        Assert.Equal("^(?P<tenant>[^:]+):", options.Auth.TenantRegex);
        Assert.Equal("username", options.Auth.TenantNoMatch);
        Assert.Equal("", options.Auth.DefaultUser);
        Assert.Equal("", options.Auth.DefaultPassword);
    }

    [Fact]
    public void Pool_cleanup_and_pubsub_defaults_are_the_seeds()
    {
        var options = LoadWithEmptyEnvironment();

        Assert.Equal(16, options.Pool.MaxConnections);
        Assert.Equal(5000, options.Pool.ConnectTimeoutMs);
        Assert.Equal(600, options.Pool.IdleTtlSecs);
        Assert.Equal(60, options.Cleanup.ExpireCleanupIntervalSecs);
        Assert.Equal(1000, options.Cleanup.ExpireCleanupBatch);
        Assert.Equal(60, options.Cleanup.PubsubCleanupIntervalSecs);
        Assert.Equal(600, options.Cleanup.PubsubIdleSecs);
        Assert.Equal(3600, options.Cleanup.PubsubMessageTtlSecs);
        Assert.Equal(200, options.Pubsub.PollMs);
        Assert.Equal(128, options.Pubsub.PollBatch);
        Assert.Equal(30, options.Pubsub.HeartbeatSecs);
    }

    [Fact]
    public void Event_feed_defaults_poll_fast_only_while_waiting()
    {
        var options = LoadWithEmptyEnvironment();

        Assert.Equal(20, options.Events.PollMs);
        Assert.Equal(1024, options.Events.PollBatch);
        Assert.Equal(300, options.Events.RetentionSecs);
        Assert.Equal(60, options.Cleanup.EventsCleanupIntervalSecs);
    }

    [Fact]
    public void Retry_defaults_are_the_seeds()
    {
        var options = LoadWithEmptyEnvironment();

        Assert.Equal(3, options.StringSetRetry.MaxAttempts);
        Assert.Equal(1, options.StringSetRetry.BackoffBaseMs);
        Assert.Equal(16, options.StringSetRetry.BackoffMaxMs);
        Assert.Equal(0, options.StringSetRetry.DeadlineMs);
        Assert.Equal(64, options.StringIncrRetry.MaxAttempts);
        Assert.Equal(1, options.StringIncrRetry.BackoffBaseMs);
        Assert.Equal(16, options.StringIncrRetry.BackoffMaxMs);
        Assert.Equal(2000, options.StringIncrRetry.DeadlineMs);
    }

    [Fact]
    public void Server_defaults_are_the_resp_server_defaults()
    {
        var server = LoadWithEmptyEnvironment().Server;

        Assert.Equal(536870912, server.MaxFrameSize);
        Assert.Equal(536870912, server.MaxBulkLen);
        Assert.Equal(1048576, server.MaxArrayLen);
        Assert.Equal(8, server.MaxDepth);
        Assert.Equal(1024, server.MaxInflight);
        Assert.Equal(10000, server.MaxConnections);
        Assert.Equal(0, server.ReadTimeoutMs);
        Assert.Equal(30000, server.WriteTimeoutMs);
        Assert.Equal(0, server.IdleTimeoutMs);
        Assert.Equal(1024, server.PushQueueLen);
        Assert.Equal(1024, server.ResponseQueueLen);
        Assert.Equal(65536, server.WriteBatchBytes);
        Assert.True(server.TcpNodelay);
        Assert.Equal(511, server.Backlog);
    }

    [Fact]
    public void Extension_defaults_enable_everything()
    {
        var options = LoadWithEmptyEnvironment();

        Assert.Equal(16, options.Databases);
        Assert.Empty(options.Families.Disabled);
        Assert.Empty(options.Commands.Disabled);
        Assert.Equal("./plugins", options.Plugins.Directory);
    }

    [Fact]
    public void The_seeds_full_env_example_with_blank_values_loads_as_defaults()
    {
        // The seed lists REDIS_MYSQL_CONFIG= and REDIS_MYSQL_DSN_OPTIONS= blank; blank typed values count as unset.
        var environment = new Dictionary<string, string?>
        {
            ["REDIS_MYSQL_CONFIG"] = "",
            ["REDIS_MYSQL_DSN_OPTIONS"] = "",
            ["REDIS_MYSQL_POOL_MAX_CONNECTIONS"] = "",
            ["REDIS_MYSQL_TCP_NODELAY"] = " ",
        };

        var options = ConfigLoader.Load(environment);

        Assert.Equal(LoadWithEmptyEnvironment().Describe(), options.Describe());
    }
}
