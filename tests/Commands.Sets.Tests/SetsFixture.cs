using MySqlConnector;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Sets.Tests;

/// <summary>One database and proxy for all sets tests, plus direct access to the tables.</summary>
public sealed class SetsFixture : ProxyFixture
{
    public const string TenantA = "tenantA";

    /// <summary>Rows of set_members hanging off the current keyspace row of <paramref name="key"/> (tenantA, db 0).</summary>
    public async Task<long> MemberRowsAsync(string key)
    {
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(Database);
        await using var command = new MySqlCommand(
            "SELECT COUNT(*) FROM set_members m JOIN keyspace k ON k.id = m.key_id AND k.tenant = m.tenant " +
            "WHERE k.tenant = @tenant AND k.db = 0 AND k.k = @k", connection);
        command.Parameters.AddWithValue("@tenant", TenantA);
        command.Parameters.AddWithValue("@k", System.Text.Encoding.UTF8.GetBytes(key));
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The set_sizes row of a keyspace id, null when it has none.</summary>
    public Task<long?> StoredSizeAsync(long keyId) => ScalarAsync("SELECT size FROM set_sizes WHERE key_id = @v", keyId);
}

[CollectionDefinition(Name)]
public sealed class SetsCollection : ICollectionFixture<SetsFixture>
{
    public const string Name = "sets";
}
