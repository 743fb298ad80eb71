using System.Diagnostics;
using MySqlConnector;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>
/// A proxy whose expired-key sweeper stays idle during the tests, so expired rows remain in the table and the
/// commands must treat them as absent themselves. Also writes rows of types no family can create yet.
/// </summary>
public class KeyspaceFixture : ProxyFixture
{
    public const string TenantA = "tenantA";
    public const string TenantB = "tenantB";

    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_EXPIRE_CLEANUP_INTERVAL_SECS"] = "3600",
    };

    /// <summary>A keyspace row of any type (hash = 2, list = 3, set = 4, zset = 5), without children.</summary>
    public void InsertRow(string tenant, int db, byte[] key, int type, long? expiresAt = null)
    {
        using var connection = MariaDbServer.Shared.OpenRootConnection(Database);
        using var command = new MySqlCommand(
            "INSERT INTO keyspace (tenant, db, k, type, expires_at) VALUES (@tenant, @db, @k, @type, @expires_at)", connection);
        command.Parameters.AddWithValue("@tenant", tenant);
        command.Parameters.AddWithValue("@db", db);
        command.Parameters.AddWithValue("@k", key);
        command.Parameters.AddWithValue("@type", type);
        command.Parameters.AddWithValue("@expires_at", (object?)expiresAt ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    /// <summary>String keys written straight into the table in one transaction (much faster than one SET each).</summary>
    public void InsertStrings(string tenant, int db, IEnumerable<byte[]> keys)
    {
        using var connection = MariaDbServer.Shared.OpenRootConnection(Database);
        using var transaction = connection.BeginTransaction();
        foreach (var key in keys)
        {
            using var command = new MySqlCommand(
                "INSERT INTO keyspace (tenant, db, k, type, v) VALUES (@tenant, @db, @k, 1, 'v')", connection, transaction);
            command.Parameters.AddWithValue("@tenant", tenant);
            command.Parameters.AddWithValue("@db", db);
            command.Parameters.AddWithValue("@k", key);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Empties one db of one tenant through SQL, so a test starts from a known state without FLUSHDB.</summary>
    public void ClearDb(string tenant, int db)
    {
        using var connection = MariaDbServer.Shared.OpenRootConnection(Database);
        using var command = new MySqlCommand("DELETE FROM keyspace WHERE tenant = @tenant AND db = @db", connection);
        command.Parameters.AddWithValue("@tenant", tenant);
        command.Parameters.AddWithValue("@db", db);
        command.ExecuteNonQuery();
    }

    /// <summary>The physical row (live or expired) of a key: id and expires_at, or null when there is none.</summary>
    public (long Id, long? ExpiresAt)? Row(string tenant, int db, byte[] key)
    {
        using var connection = MariaDbServer.Shared.OpenRootConnection(Database);
        using var command = new MySqlCommand(
            "SELECT id, expires_at FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k", connection);
        command.Parameters.AddWithValue("@tenant", tenant);
        command.Parameters.AddWithValue("@db", db);
        command.Parameters.AddWithValue("@k", key);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return (Convert.ToInt64(reader.GetValue(0)), reader.IsDBNull(1) ? null : reader.GetInt64(1));
    }

    /// <summary>
    /// Gives an existing key a 50 ms TTL and polls until the proxy no longer sees it and at least 200 ms have passed;
    /// checks that its row is still in the table (expired, not swept), so what follows tests expiry filtering.
    /// </summary>
    public async Task ExpireSoonAsync(RawRespClient raw, byte[] key, string tenant = TenantA, int db = 0)
    {
        Assert.Equal(":1\r\n", await raw.CommandAsync([Bytes("PEXPIRE"), key, Bytes("50")]));
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 200 || await raw.CommandAsync([Bytes("EXISTS"), key]) != ":0\r\n")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the key never expired");
            await Task.Delay(25);
        }
        Assert.NotNull(Row(tenant, db, key));
    }

    public static byte[] Bytes(string latin1) => System.Text.Encoding.Latin1.GetBytes(latin1);
}
