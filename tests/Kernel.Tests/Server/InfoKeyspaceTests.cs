using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>INFO keyspace over rows written straight into the keyspace table of this fixture's own database.</summary>
public class InfoKeyspaceTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private async Task InsertAsync(string tenant, int db, byte[] key, long? expiresAt)
    {
        await using var connection = MariaDbServer.Shared.OpenRootConnection(fixture.Database);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO keyspace (tenant, db, k, type, expires_at, v) VALUES (@tenant, @db, @k, 1, @expires_at, 'v')";
        command.Parameters.AddWithValue("@tenant", tenant);
        command.Parameters.AddWithValue("@db", db);
        command.Parameters.AddWithValue("@k", key);
        command.Parameters.AddWithValue("@expires_at", (object?)expiresAt ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> KeyspaceAsync(string user)
    {
        using var client = await fixture.RawAsync(user);
        return RespReply.Bulk(await client.CommandAsync("INFO", "keyspace"));
    }

    [Fact]
    public async Task Counts_live_keys_per_db_for_the_callers_tenant_only()
    {
        Assert.Equal("# Keyspace\r\n", await KeyspaceAsync(ProxyFixture.UserA));
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await InsertAsync("tenantA", 0, "x"u8.ToArray(), null);
        await InsertAsync("tenantA", 0, [0, (byte)'\r', (byte)'\n', 0xff], now + 3_600_000);
        await InsertAsync("tenantA", 0, "gone"u8.ToArray(), now - 1_000);
        await InsertAsync("tenantA", 5, "y"u8.ToArray(), null);
        await InsertAsync("tenantB", 0, "z"u8.ToArray(), null);

        var a = await KeyspaceAsync(ProxyFixture.UserA);
        var lines = a.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("# Keyspace", lines[0]);
        Assert.Matches(@"^db0:keys=2,expires=1,avg_ttl=\d+$", lines[1]);
        long avgTtl = long.Parse(lines[1][(lines[1].LastIndexOf('=') + 1)..]);
        Assert.InRange(avgTtl, 1, 3_600_000);
        Assert.Equal("db5:keys=1,expires=0,avg_ttl=0", lines[2]);

        Assert.Equal("# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\n", await KeyspaceAsync(ProxyFixture.UserB));
    }
}
