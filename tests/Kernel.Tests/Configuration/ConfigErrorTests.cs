using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Tests.Configuration;

public class ConfigErrorTests
{
    private static ConfigException LoadYamlFails(string yaml)
    {
        using var file = new TempConfigFile(yaml);
        return Assert.Throws<ConfigException>(() => ConfigLoader.Load(file.Environment()));
    }

    private static ConfigException LoadEnvFails(string variable, string value) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Load(new Dictionary<string, string?> { [variable] = value }));

    [Fact]
    public void Unknown_top_level_key_is_named()
    {
        var error = LoadYamlFails("bind_adr: \"0.0.0.0:6380\"\n");

        Assert.Contains("unknown config key 'bind_adr'", error.Message);
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void Unknown_nested_key_is_named_with_its_full_path()
    {
        var error = LoadYamlFails("pool:\n  max_connections: 4\n  max_conections: 5\n");

        Assert.Contains("unknown config key 'pool.max_conections'", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Unknown_section_is_named()
    {
        var error = LoadYamlFails("pools:\n  max_connections: 4\n");

        Assert.Contains("unknown config key 'pools'", error.Message);
    }

    [Fact]
    public void Leaf_key_used_as_section_is_unknown_below_it()
    {
        var error = LoadYamlFails("server:\n  tcp_nodelay:\n    enabled: true\n");

        Assert.Contains("server.tcp_nodelay", error.Message);
    }

    [Fact]
    public void Section_given_a_scalar_fails()
    {
        var error = LoadYamlFails("pool: 16\n");

        Assert.Contains("'pool' must hold a mapping", error.Message);
    }

    [Fact]
    public void Invalid_env_value_names_key_and_variable()
    {
        var error = LoadEnvFails("REDIS_MYSQL_POOL_MAX_CONNECTIONS", "abc");

        Assert.Equal(
            "invalid value 'abc' for pool.max_connections (REDIS_MYSQL_POOL_MAX_CONNECTIONS): expected a positive integer",
            error.Message);
    }

    [Fact]
    public void Invalid_yaml_value_names_key_file_and_line()
    {
        using var file = new TempConfigFile("pubsub:\n  poll_ms: -5\n");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(file.Environment()));

        Assert.Equal(
            $"invalid value '-5' for pubsub.poll_ms (config file '{file.Path}' line 2): expected a positive integer",
            error.Message);
    }

    [Fact]
    public void Event_poll_interval_must_be_positive()
    {
        var error = LoadEnvFails("REDIS_MYSQL_EVENTS_POLL_MS", "0");

        Assert.Equal("invalid value '0' for events.poll_ms (REDIS_MYSQL_EVENTS_POLL_MS): expected a positive integer", error.Message);
    }

    [Theory]
    [InlineData("REDIS_MYSQL_POOL_MAX_CONNECTIONS", "0", "pool.max_connections")]
    [InlineData("REDIS_MYSQL_EXPIRE_CLEANUP_BATCH", "-1", "cleanup.expire_cleanup_batch")]
    [InlineData("REDIS_MYSQL_MAX_FRAME_SIZE", "99999999999", "server.max_frame_size")]
    [InlineData("REDIS_MYSQL_MAX_DEPTH", "1.5", "server.max_depth")]
    [InlineData("REDIS_MYSQL_READ_TIMEOUT_MS", "-1", "server.read_timeout_ms")]
    [InlineData("REDIS_MYSQL_INCR_RETRY_DEADLINE_MS", "soon", "string_incr_retry.deadline_ms")]
    [InlineData("REDIS_MYSQL_TCP_NODELAY", "maybe", "server.tcp_nodelay")]
    [InlineData("REDIS_MYSQL_TENANT_NO_MATCH", "drop", "auth.tenant_no_match")]
    [InlineData("REDIS_MYSQL_TENANT_NO_MATCH", "literal:", "auth.tenant_no_match")]
    [InlineData("REDIS_MYSQL_TENANT_REGEX", "^(?P<tenant>[^:]+", "auth.tenant_regex")]
    [InlineData("REDIS_MYSQL_TENANT_REGEX", "^(?P<user>[^:]+):", "auth.tenant_regex")]
    [InlineData("REDIS_MYSQL_BIND", "6380", "bind_addr")]
    [InlineData("REDIS_MYSQL_BIND", "0.0.0.0:70000", "bind_addr")]
    [InlineData("REDIS_MYSQL_BIND", ":6380", "bind_addr")]
    [InlineData("REDIS_MYSQL_ADDR", "127.0.0.1:0", "mysql_addr")]
    [InlineData("REDIS_MYSQL_ADDR", "127.0.0.1:port", "mysql_addr")]
    [InlineData("REDIS_MYSQL_DATABASES", "0", "databases")]
    [InlineData("REDIS_MYSQL_DATABASES", "10001", "databases")]
    [InlineData("REDIS_MYSQL_DSN_OPTIONS", "NoSuchOption=1", "mysql_options")]
    public void Invalid_env_value_fails_naming_key_and_source(string variable, string value, string yamlPath)
    {
        var error = LoadEnvFails(variable, value);

        Assert.StartsWith($"invalid value '{value}' for {yamlPath} ({variable}): expected ", error.Message);
    }

    [Fact]
    public void Scalar_key_given_a_list_fails()
    {
        var error = LoadYamlFails("server:\n  backlog: [1, 2]\n");

        Assert.Contains("invalid value for server.backlog", error.Message);
        Assert.Contains("expected a positive integer", error.Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "redis-on-mysql-" + Guid.NewGuid().ToString("N"), "missing.yaml");

        var error = Assert.Throws<ConfigException>(
            () => ConfigLoader.Load(new Dictionary<string, string?> { ["REDIS_MYSQL_CONFIG"] = path }));

        Assert.Contains(path, error.Message);
        Assert.Contains("REDIS_MYSQL_CONFIG", error.Message);
    }

    [Fact]
    public void Malformed_yaml_names_the_file()
    {
        using var file = new TempConfigFile("pool: [unclosed\n");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(file.Environment()));

        Assert.Contains(file.Path, error.Message);
        Assert.Contains("not valid YAML", error.Message);
    }

    [Fact]
    public void Duplicate_yaml_key_fails()
    {
        var error = LoadYamlFails("databases: 4\ndatabases: 5\n");

        Assert.Contains("not valid YAML", error.Message);
    }

    [Fact]
    public void Secret_in_invalid_connection_options_is_masked_in_the_error()
    {
        var error = LoadEnvFails("REDIS_MYSQL_DSN_OPTIONS", "Password=hunter2;Bogus=1");

        Assert.DoesNotContain("hunter2", error.Message);
        Assert.Contains("Password=***", error.Message);
    }
}
