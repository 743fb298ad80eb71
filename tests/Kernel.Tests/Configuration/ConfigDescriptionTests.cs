using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Tests.Configuration;

public class ConfigDescriptionTests
{
    [Fact]
    public void Describes_every_key_once_as_key_equals_value()
    {
        var lines = new ProxyOptions().Describe();

        Assert.Contains("bind_addr = 0.0.0.0:6380", lines);
        Assert.Contains("pool.max_connections = 16", lines);
        Assert.Contains("server.tcp_nodelay = true", lines);
        Assert.Contains("server.inline_io = true", lines);
        Assert.Contains("auth.tenant_regex = ^(?P<tenant>[^:]+):", lines);
        Assert.Contains("auth.default_password = ", lines);
        Assert.Contains("string_incr_retry.deadline_ms = 2000", lines);
        Assert.Contains("cluster.heartbeat_secs = 5", lines);
        Assert.Contains("cluster.announce_port = 0", lines);
        Assert.Contains("families.enabled = ", lines);
        var keys = lines.Select(line => line[..line.IndexOf(" = ", StringComparison.Ordinal)]).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(58, keys.Count);
    }

    [Fact]
    public void The_proxy_password_is_masked()
    {
        var lines = new ProxyOptions { Auth = { ProxyUser = "svc", ProxyPassword = "hunter2" } }.Describe();

        Assert.Contains("auth.proxy_user = svc", lines);
        Assert.Contains("auth.proxy_password = ***", lines);
        Assert.DoesNotContain(lines, line => line.Contains("hunter2"));
    }

    [Fact]
    public void Default_password_is_masked()
    {
        var options = new ProxyOptions { Auth = { DefaultPassword = "hunter2" } };

        var lines = options.Describe();

        Assert.Contains("auth.default_password = ***", lines);
        Assert.DoesNotContain(lines, line => line.Contains("hunter2"));
    }

    [Fact]
    public void Passwords_inside_mysql_options_are_masked()
    {
        var options = new ProxyOptions { MysqlOptions = "SslMode=None;Password=hunter2; pwd =s3cret;UserID=bob" };

        var lines = options.Describe();

        Assert.Contains("mysql_options = SslMode=None;Password=***; pwd =***;UserID=bob", lines);
    }

    [Fact]
    public void Lists_are_described_comma_separated()
    {
        var options = new ProxyOptions { Families = { Disabled = ["geo", "bitmap"] } };

        Assert.Contains("families.disabled = geo,bitmap", options.Describe());
    }
}
