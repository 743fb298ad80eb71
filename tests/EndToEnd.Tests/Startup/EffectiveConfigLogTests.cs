using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Startup;

/// <summary>The effective configuration is logged at startup, secrets masked, with the enabled families.</summary>
public class EffectiveConfigLogTests
{
    private const string Secret = "s3cret";

    [Fact]
    public async Task Startup_logs_the_config_with_the_default_password_masked()
    {
        var server = MariaDbServer.Shared;
        var database = server.CreateDatabase();
        var user = "cfg:" + Guid.NewGuid().ToString("N")[..8];
        server.CreateUser(user, Secret, database);
        try
        {
            await using var proxy = await ProxyProcess.StartAsync(database, new Dictionary<string, string>
            {
                ["REDIS_MYSQL_DEFAULT_USER"] = user,
                ["REDIS_MYSQL_DEFAULT_PASSWORD"] = Secret,
                ["REDIS_MYSQL_DSN_OPTIONS"] = $"SslMode=None;Password={Secret}",
            });
            // The default credentials really are in use: no AUTH needed.
            using (var client = new RawRespClient(proxy.Port))
                Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));

            var output = proxy.Output;
            Assert.Contains("auth.default_password = ***", output);
            Assert.Contains($"auth.default_user = {user}", output);
            Assert.Contains($"mysql_database = {database}", output);
            Assert.Contains("pool.max_connections = ", output);
            Assert.Matches(@"Enabled families: [^\n]*\bconnection\b", output);
            Assert.DoesNotContain(Secret, output);
        }
        finally
        {
            server.DropUser(user);
            server.DropDatabase(database);
        }
    }
}
