using MySqlConnector;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Hashes.Tests;

/// <summary>One database and proxy for all hashes tests, plus direct access to the tables.</summary>
public sealed class HashesFixture : ProxyFixture
{
    /// <summary>Rows of hash_fields under the key's current keyspace id (tenantA, db 0); 0 when the key has no row.</summary>
    public async Task<long> FieldRowsAsync(string key)
    {
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(Database);
        await using var command = new MySqlCommand(
            "SELECT COUNT(*) FROM hash_fields f JOIN keyspace k ON k.id = f.key_id AND k.tenant = f.tenant " +
            "WHERE k.tenant = 'tenantA' AND k.db = 0 AND k.k = @k", connection);
        command.Parameters.AddWithValue("@k", System.Text.Encoding.UTF8.GetBytes(key));
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The hash_sizes row of a keyspace id, null when it has none.</summary>
    public Task<long?> StoredSizeAsync(long keyId) => ScalarAsync("SELECT size FROM hash_sizes WHERE key_id = @v", keyId);
}

[CollectionDefinition(Name)]
public sealed class HashesCollection : ICollectionFixture<HashesFixture>
{
    public const string Name = "hashes";
}
