using MySqlConnector;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.SortedSets.Tests;

/// <summary>
/// One database and proxy for all sorted sets tests, plus direct reads of the kernel's sorted-set tables. The orphan
/// collector runs every second so a test can watch a deleted sorted set's rows go.
/// </summary>
public sealed class SortedSetsFixture : ProxyFixture
{
    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_ORPHAN_CLEANUP_INTERVAL_SECS"] = "1",
    };

    /// <summary>The keyspace id of tenantA's key in db 0, or null when it has no row.</summary>
    public Task<long?> KeyIdAsync(string key) =>
        ScalarAsync("SELECT id FROM keyspace WHERE tenant = 'tenantA' AND db = 0 AND k = @v", System.Text.Encoding.UTF8.GetBytes(key));

    /// <summary>zset_members rows under a keyspace id, whether or not the key still exists.</summary>
    public async Task<long> MemberRowsAsync(long keyId) =>
        await ScalarAsync("SELECT COUNT(*) FROM zset_members WHERE key_id = @v", keyId) ?? 0;

    /// <summary>The zset_sizes row of a keyspace id, null when it has none.</summary>
    public Task<long?> StoredSizeAsync(long keyId) => ScalarAsync("SELECT size FROM zset_sizes WHERE key_id = @v", keyId);

    private async Task<long?> ScalarAsync(string sql, object value)
    {
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(Database);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@v", value);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? null : Convert.ToInt64(result);
    }
}

[CollectionDefinition(Name)]
public sealed class SortedSetsCollection : ICollectionFixture<SortedSetsFixture>
{
    public const string Name = "sortedsets";
}
