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
    public async Task Migrate_fills_in_the_hash_slot_of_keys_that_have_none()
    {
        var database = "rt_" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var (exit, output) = await ProxyProcess.RunMigrateAsync(database);
            Assert.True(exit == 0, output);
            var keys = Enumerable.Range(0, 2500).Select(i => System.Text.Encoding.UTF8.GetBytes($"{{tag{i % 7}}}:key:{i}"))
                .Append([0x00, 0xFF, (byte)'{', 0x80, (byte)'}']).ToList();
            await using (var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(database))
            {
                foreach (var key in keys)
                {
                    // As a proxy from before migration 0008 writes a key: without its slot.
                    await using var insert = new MySqlConnector.MySqlCommand(
                        "INSERT INTO keyspace (tenant, db, k, type, v) VALUES ('t', 0, @k, 1, 'v')", connection);
                    insert.Parameters.AddWithValue("@k", key);
                    await insert.ExecuteNonQueryAsync();
                }
            }

            (exit, output) = await ProxyProcess.RunMigrateAsync(database);
            Assert.True(exit == 0, output);
            Assert.Contains($"Filled in the hash slot of {keys.Count} key(s)", output);

            await using var check = await MariaDbServer.Shared.OpenRootConnectionAsync(database);
            await using var select = new MySqlConnector.MySqlCommand("SELECT k, slot FROM keyspace", check);
            await using var reader = await select.ExecuteReaderAsync();
            int rows = 0;
            while (await reader.ReadAsync())
            {
                Assert.Equal(Kernel.Sdk.KeySlot.Of((byte[])reader[0]), Convert.ToInt32(reader[1]));
                rows++;
            }
            Assert.Equal(keys.Count, rows);
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
