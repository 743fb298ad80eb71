using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Startup;

/// <summary>`migrate` creates the database, applies every migration once, and a rerun applies none.</summary>
public class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_twice_applies_everything_then_nothing()
    {
        var database = "rt_" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var (firstExit, first) = await ProxyProcess.RunMigrateAsync(database);
            Assert.True(firstExit == 0, first);
            Assert.Contains("Applying migration kernel/0001_keyspace.sql", first);

            var (secondExit, second) = await ProxyProcess.RunMigrateAsync(database);
            Assert.True(secondExit == 0, second);
            Assert.Contains("0 migration(s) applied", second);
            Assert.DoesNotContain("Applying migration", second);

            await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(database);
            await using var count = new MySqlConnector.MySqlCommand("SELECT COUNT(*) FROM schema_migrations WHERE name = 'kernel/0001_keyspace.sql'", connection);
            Assert.Equal(1L, Convert.ToInt64(await count.ExecuteScalarAsync()));
        }
        finally
        {
            MariaDbServer.Shared.DropDatabase(database);
        }
    }

    [Fact]
    public async Task Migrate_without_a_user_refuses_to_run()
    {
        var (exitCode, output) = await ProxyProcess.RunToExitAsync(["migrate"], new Dictionary<string, string>
        {
            ["REDIS_MYSQL_ADDR"] = MariaDbServer.Shared.Address,
        }, TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, exitCode);
        Assert.Contains("--user", output);
    }

    [Fact]
    public async Task Migrate_with_wrong_credentials_fails()
    {
        var (exitCode, output) = await ProxyProcess.RunToExitAsync(["migrate", "--user", "nobody-" + Guid.NewGuid().ToString("N")[..6], "--password", "x"],
            new Dictionary<string, string>
            {
                ["REDIS_MYSQL_ADDR"] = MariaDbServer.Shared.Address,
                ["REDIS_MYSQL_DATABASE"] = "rt_never",
            }, TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Migration failed", output);
    }
}
