using MySqlConnector;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

/// <summary>One database and proxy for all strings tests, plus direct access to the keyspace table.</summary>
public sealed class StringsFixture : ProxyFixture
{
    public const string TenantA = "tenantA";

    /// <summary>Creates a key of another type (2 = hash) the way a future family would, to provoke WRONGTYPE.</summary>
    public async Task InsertKeyOfTypeAsync(string key, int type = 2, int db = 0, string tenant = TenantA)
    {
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(Database);
        await using var command = new MySqlCommand(
            "INSERT INTO keyspace (tenant, db, k, type) VALUES (@tenant, @db, @k, @type)", connection);
        command.Parameters.AddWithValue("@tenant", tenant);
        command.Parameters.AddWithValue("@db", db);
        command.Parameters.AddWithValue("@k", System.Text.Encoding.UTF8.GetBytes(key));
        command.Parameters.AddWithValue("@type", type);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The stored row of a key in tenantA db 0: (type, expires_at, v), or null when there is none.</summary>
    public async Task<(int Type, long? ExpiresAt, byte[]? Value)?> RowAsync(string key, int db = 0)
    {
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(Database);
        await using var command = new MySqlCommand(
            "SELECT type, expires_at, v FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k", connection);
        command.Parameters.AddWithValue("@tenant", TenantA);
        command.Parameters.AddWithValue("@db", db);
        command.Parameters.AddWithValue("@k", System.Text.Encoding.UTF8.GetBytes(key));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return (Convert.ToInt32(reader.GetValue(0)), reader.IsDBNull(1) ? null : reader.GetInt64(1),
            reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2));
    }

    public static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}

[CollectionDefinition(Name)]
public sealed class StringsCollection : ICollectionFixture<StringsFixture>
{
    public const string Name = "strings";
}
