using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Durability;

public class SweeperFixture : ProxyFixture
{
    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_EXPIRE_CLEANUP_INTERVAL_SECS"] = "1",
        ["REDIS_MYSQL_EXPIRE_CLEANUP_BATCH"] = "7",
    };
}

/// <summary>The sweeper reclaims expired rows of every tenant, also of tenants no client is connected as.</summary>
public class ExpiredKeySweeperTests : IClassFixture<SweeperFixture>
{
    private readonly SweeperFixture _fixture;

    public ExpiredKeySweeperTests(SweeperFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Expired_rows_of_all_tenants_are_deleted_and_live_rows_stay()
    {
        using (var root = MariaDbServer.Shared.OpenRootConnection(_fixture.Database))
        {
            // 30 expired keys of a tenant nobody signs in as (more than several batches of 7), and one live key.
            for (int i = 0; i < 30; i++) Exec(root, $"INSERT INTO keyspace (tenant, db, k, type, v, expires_at) VALUES ('ghost', {i % 3}, 'gone{i}', 1, 'x', 1000)");
            Exec(root, "INSERT INTO keyspace (tenant, db, k, type, v, expires_at) VALUES ('ghost', 0, 'stays', 1, 'x', NULL)");
        }
        using var client = await _fixture.RawAsync();
        var key = ProxyFixture.Key("short");
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", key, "v"));
        Assert.Equal(":1\r\n", await client.CommandAsync("PEXPIRE", key, "50"));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        long remaining;
        do
        {
            await Task.Delay(250);
            using var root = MariaDbServer.Shared.OpenRootConnection(_fixture.Database);
            remaining = Count(root, "SELECT COUNT(*) FROM keyspace WHERE expires_at IS NOT NULL");
        } while (remaining > 0 && DateTime.UtcNow < deadline);

        Assert.Equal(0, remaining);
        using var check = MariaDbServer.Shared.OpenRootConnection(_fixture.Database);
        Assert.Equal(1, Count(check, "SELECT COUNT(*) FROM keyspace WHERE tenant = 'ghost'"));
    }

    private static void Exec(MySqlConnector.MySqlConnection c, string sql)
    {
        using var command = new MySqlConnector.MySqlCommand(sql, c);
        command.ExecuteNonQuery();
    }

    private static long Count(MySqlConnector.MySqlConnection c, string sql)
    {
        using var command = new MySqlConnector.MySqlCommand(sql, c);
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
