using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Startup;

/// <summary>An unknown key or an invalid value stops the proxy before it listens, naming the culprit.</summary>
public class ConfigErrorStartupTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_unknown_yaml_key_stops_startup_naming_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rom-config-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "pool:\n  max_conections: 3\n");
        try
        {
            var (exitCode, output) = await RunAsync(new() { ["REDIS_MYSQL_CONFIG"] = file });
            Assert.NotEqual(0, exitCode);
            Assert.Contains("pool.max_conections", output);
            Assert.DoesNotContain("Ready to accept connections", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_invalid_environment_value_stops_startup_naming_the_variable()
    {
        var (exitCode, output) = await RunAsync(new() { ["REDIS_MYSQL_POOL_MAX_CONNECTIONS"] = "abc" });
        Assert.NotEqual(0, exitCode);
        Assert.Contains("REDIS_MYSQL_POOL_MAX_CONNECTIONS", output);
        Assert.Contains("'abc'", output);
        Assert.DoesNotContain("Ready to accept connections", output);
    }

    [Fact]
    public async Task A_missing_config_file_stops_startup_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"rom-missing-{Guid.NewGuid():N}.yaml");
        var (exitCode, output) = await RunAsync(new() { ["REDIS_MYSQL_CONFIG"] = missing });
        Assert.NotEqual(0, exitCode);
        Assert.Contains(missing, output);
    }

    [Fact]
    public async Task An_unknown_argument_stops_startup()
    {
        var (exitCode, output) = await ProxyProcess.RunToExitAsync(["serve-please"], null, ExitTimeout);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("serve-please", output);
    }

    /// <summary>Runs the proxy on a free port; with a config error it must exit by itself.</summary>
    private static Task<(int exitCode, string output)> RunAsync(Dictionary<string, string> env)
    {
        env["REDIS_MYSQL_BIND"] = $"127.0.0.1:{MariaDbServer.FreeTcpPort()}";
        return ProxyProcess.RunToExitAsync([], env, ExitTimeout);
    }
}
