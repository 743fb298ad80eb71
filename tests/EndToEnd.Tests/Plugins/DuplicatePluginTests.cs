using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Plugins;

/// <summary>Two owners of one command name stop startup with an error naming both.</summary>
public class DuplicatePluginTests
{
    [Fact]
    public async Task A_plugin_redefining_ping_stops_startup_naming_both_plugins()
    {
        using var plugins = new PluginDirectory();
        await plugins.AddTestPluginAsync("SamplePluginDuplicate");
        var (exitCode, output) = await ProxyProcess.RunToExitAsync([], new Dictionary<string, string>
        {
            ["REDIS_MYSQL_BIND"] = $"127.0.0.1:{MariaDbServer.FreeTcpPort()}",
            ["REDIS_MYSQL_ADDR"] = MariaDbServer.Shared.Address,
            ["REDIS_MYSQL_PLUGINS_DIR"] = plugins.PluginsPath,
        }, TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, exitCode);
        Assert.Contains("'ping'", output);
        Assert.Contains("RedisOnMySql.Kernel", output);
        Assert.Contains("SamplePluginDuplicate", output);
        Assert.DoesNotContain("Ready to accept connections", output);
    }

    [Fact]
    public async Task Disabling_the_duplicate_command_lets_the_proxy_start()
    {
        using var plugins = new PluginDirectory();
        await plugins.AddTestPluginAsync("SamplePluginDuplicate");
        await using var proxy = await ProxyProcess.StartAsync("unused", new Dictionary<string, string>
        {
            ["REDIS_MYSQL_PLUGINS_DIR"] = plugins.PluginsPath,
            ["REDIS_MYSQL_FAMILIES_DISABLED"] = "duplicate",
        });
        Assert.False(proxy.HasExited);
    }
}
