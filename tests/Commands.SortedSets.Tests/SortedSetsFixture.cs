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

    /// <summary>zset_members rows under a keyspace id, whether or not the key still exists.</summary>
    public async Task<long> MemberRowsAsync(long keyId) =>
        await ScalarAsync("SELECT COUNT(*) FROM zset_members WHERE key_id = @v", keyId) ?? 0;

    /// <summary>The zset_sizes row of a keyspace id, null when it has none.</summary>
    public Task<long?> StoredSizeAsync(long keyId) => ScalarAsync("SELECT size FROM zset_sizes WHERE key_id = @v", keyId);
}

[CollectionDefinition(Name)]
public sealed class SortedSetsCollection : ICollectionFixture<SortedSetsFixture>
{
    public const string Name = "sortedsets";
}
