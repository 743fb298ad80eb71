using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Tests.Configuration;

public class ConfigPrecedenceTests
{
    private const string FullYaml = """
        bind_addr: "127.0.0.1:7000"
        mysql_addr: "db.internal:3307"
        mysql_database: "cache"
        mysql_options: "SslMode=None;"
        databases: 4
        auth:
          tenant_regex: "^(?P<tenant>[^/]+)/"
          tenant_no_match: "literal:shared"
          default_user: "anon"
          default_password: "secret"
        pool:
          max_connections: 32
          connect_timeout_ms: 1500
          idle_ttl_secs: 120
        cleanup:
          expire_cleanup_interval_secs: 5
          expire_cleanup_batch: 200
          pubsub_cleanup_interval_secs: 6
          pubsub_idle_secs: 7
          pubsub_message_ttl_secs: 8
        pubsub:
          poll_ms: 50
          poll_batch: 64
          heartbeat_secs: 10
        string_set_retry:
          max_attempts: 5
          backoff_base_ms: 2
          backoff_max_ms: 32
          deadline_ms: 100
        string_incr_retry:
          max_attempts: 10
          backoff_base_ms: 0
          backoff_max_ms: 8
          deadline_ms: 0
        server:
          max_frame_size: 1000
          max_bulk_len: 900
          max_array_len: 100
          max_depth: 4
          max_inflight: 16
          max_connections: 50
          read_timeout_ms: 1000
          write_timeout_ms: 0
          idle_timeout_ms: 60000
          push_queue_len: 10
          response_queue_len: 20
          write_batch_bytes: 4096
          tcp_nodelay: no
          backlog: 128
        families:
          disabled: [geo, HyperLogLog]
        commands:
          disabled:
            - flushall
            - " FlushDb "
        plugins:
          directory: /opt/plugins
        """;

    [Fact]
    public void Yaml_overrides_every_default()
    {
        using var file = new TempConfigFile(FullYaml);

        var options = ConfigLoader.Load(file.Environment());

        Assert.Equal("127.0.0.1:7000", options.BindAddr);
        Assert.Equal("db.internal:3307", options.MysqlAddr);
        Assert.Equal("cache", options.MysqlDatabase);
        Assert.Equal("SslMode=None;", options.MysqlOptions);
        Assert.Equal(4, options.Databases);
        Assert.Equal("^(?P<tenant>[^/]+)/", options.Auth.TenantRegex);
        Assert.Equal("literal:shared", options.Auth.TenantNoMatch);
        Assert.Equal("anon", options.Auth.DefaultUser);
        Assert.Equal("secret", options.Auth.DefaultPassword);
        Assert.Equal((32, 1500, 120), (options.Pool.MaxConnections, options.Pool.ConnectTimeoutMs, options.Pool.IdleTtlSecs));
        Assert.Equal((5, 200, 6, 7, 8), (options.Cleanup.ExpireCleanupIntervalSecs, options.Cleanup.ExpireCleanupBatch,
            options.Cleanup.PubsubCleanupIntervalSecs, options.Cleanup.PubsubIdleSecs, options.Cleanup.PubsubMessageTtlSecs));
        Assert.Equal((50, 64, 10), (options.Pubsub.PollMs, options.Pubsub.PollBatch, options.Pubsub.HeartbeatSecs));
        Assert.Equal((5, 2, 32, 100), (options.StringSetRetry.MaxAttempts, options.StringSetRetry.BackoffBaseMs,
            options.StringSetRetry.BackoffMaxMs, options.StringSetRetry.DeadlineMs));
        Assert.Equal((10, 0, 8, 0), (options.StringIncrRetry.MaxAttempts, options.StringIncrRetry.BackoffBaseMs,
            options.StringIncrRetry.BackoffMaxMs, options.StringIncrRetry.DeadlineMs));
        var server = options.Server;
        Assert.Equal((1000, 900, 100, 4, 16, 50), (server.MaxFrameSize, server.MaxBulkLen, server.MaxArrayLen,
            server.MaxDepth, server.MaxInflight, server.MaxConnections));
        Assert.Equal((1000, 0, 60000), (server.ReadTimeoutMs, server.WriteTimeoutMs, server.IdleTimeoutMs));
        Assert.Equal((10, 20, 4096, false, 128), (server.PushQueueLen, server.ResponseQueueLen, server.WriteBatchBytes,
            server.TcpNodelay, server.Backlog));
        Assert.Equal(["geo", "hyperloglog"], options.Families.Disabled);
        Assert.Equal(["FLUSHALL", "FLUSHDB"], options.Commands.Disabled);
        Assert.Equal("/opt/plugins", options.Plugins.Directory);
    }

    [Fact]
    public void The_seeds_yaml_example_loads_and_equals_the_defaults()
    {
        using var file = new TempConfigFile("""
            bind_addr: "0.0.0.0:6380"
            mysql_addr: "127.0.0.1:3306"
            mysql_database: "redis"
            mysql_options: ""
            auth:
              tenant_regex: "^(?P<tenant>[^:]+):"
              tenant_no_match: "username"
            pool:
              max_connections: 16
              connect_timeout_ms: 5000
              idle_ttl_secs: 600
            cleanup:
              expire_cleanup_interval_secs: 60
              expire_cleanup_batch: 1000
              pubsub_cleanup_interval_secs: 60
              pubsub_idle_secs: 600
              pubsub_message_ttl_secs: 3600
            pubsub:
              poll_ms: 200
              poll_batch: 128
              heartbeat_secs: 30
            string_set_retry:
              max_attempts: 3
              backoff_base_ms: 1
              backoff_max_ms: 16
            string_incr_retry:
              max_attempts: 64
              backoff_base_ms: 1
              backoff_max_ms: 16
              deadline_ms: 2000
            """);

        var options = ConfigLoader.Load(file.Environment());

        Assert.Equal(new ProxyOptions().Describe(), options.Describe());
    }

    [Fact]
    public void Keys_missing_from_yaml_keep_their_defaults()
    {
        using var file = new TempConfigFile("pool:\n  max_connections: 8\n");

        var options = ConfigLoader.Load(file.Environment());

        Assert.Equal(8, options.Pool.MaxConnections);
        Assert.Equal(5000, options.Pool.ConnectTimeoutMs);
        Assert.Equal("0.0.0.0:6380", options.BindAddr);
    }

    [Fact]
    public void Env_overrides_yaml()
    {
        using var file = new TempConfigFile(FullYaml);

        var options = ConfigLoader.Load(file.Environment(
            ("REDIS_MYSQL_POOL_MAX_CONNECTIONS", "99"),
            ("REDIS_MYSQL_BIND", "0.0.0.0:6390"),
            ("REDIS_MYSQL_TCP_NODELAY", "yes"),
            ("REDIS_MYSQL_FAMILIES_DISABLED", "bitfield")));

        Assert.Equal(99, options.Pool.MaxConnections);
        Assert.Equal("0.0.0.0:6390", options.BindAddr);
        Assert.True(options.Server.TcpNodelay);
        Assert.Equal(["bitfield"], options.Families.Disabled);
        Assert.Equal(1500, options.Pool.ConnectTimeoutMs);
    }

    [Fact]
    public void Empty_env_string_overrides_a_yaml_string_where_empty_is_meaningful()
    {
        using var file = new TempConfigFile(FullYaml);

        var options = ConfigLoader.Load(file.Environment(
            ("REDIS_MYSQL_DSN_OPTIONS", ""),
            ("REDIS_MYSQL_COMMANDS_DISABLED", "")));

        Assert.Equal("", options.MysqlOptions);
        Assert.Empty(options.Commands.Disabled);
    }

    [Fact]
    public void Empty_yaml_file_keeps_defaults()
    {
        using var file = new TempConfigFile("");

        var options = ConfigLoader.Load(file.Environment());

        Assert.Equal(16, options.Pool.MaxConnections);
    }

    [Fact]
    public void Yaml_null_section_and_null_string_are_accepted()
    {
        using var file = new TempConfigFile("pool:\nmysql_options:\nauth:\n  default_password: ~\n");

        var options = ConfigLoader.Load(file.Environment());

        Assert.Equal("", options.MysqlOptions);
        Assert.Equal("", options.Auth.DefaultPassword);
    }

    [Fact]
    public void Yaml_list_may_also_be_a_comma_separated_string()
    {
        using var file = new TempConfigFile("families:\n  disabled: \"geo, Bitmap\"\n");

        var options = ConfigLoader.Load(file.Environment());

        Assert.Equal(["geo", "bitmap"], options.Families.Disabled);
    }

    [Fact]
    public void Env_lists_are_comma_separated_trimmed_and_case_normalised()
    {
        var options = ConfigLoader.Load(new Dictionary<string, string?>
        {
            ["REDIS_MYSQL_FAMILIES_DISABLED"] = " Geo , hyperloglog,,GEO ",
            ["REDIS_MYSQL_COMMANDS_DISABLED"] = "flushall, Keys",
        });

        Assert.Equal(["geo", "hyperloglog"], options.Families.Disabled);
        Assert.Equal(["FLUSHALL", "KEYS"], options.Commands.Disabled);
        Assert.True(options.Families.IsDisabled("GEO"));
        Assert.True(options.Commands.IsDisabled("keys"));
        Assert.False(options.Commands.IsDisabled("GET"));
    }
}
