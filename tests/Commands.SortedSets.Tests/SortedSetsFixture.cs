using MySqlConnector;
using RedisOnMySql.Kernel.SortedSets;
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

    /// <summary>The zset_blocks rows of a keyspace id in order: each block's start and size.</summary>
    public Task<List<(ZPosition Start, long Size)>> BlocksAsync(long keyId) => ReadAsync(
        "SELECT start_inf, start_score, start_prefix, start_hash, size FROM zset_blocks WHERE key_id = @v " +
        "ORDER BY start_inf, start_score, start_prefix, start_hash", keyId, r => (ZPosition.Read(r, 0), r.GetInt64(4)));

    /// <summary>
    /// Asserts that the key's rank blocks match its members: the first starts below every member, each counts exactly
    /// the members from its start to the next one's, none is empty (but the first) or past the split size. Returns
    /// how many blocks there are.
    /// </summary>
    public async Task<int> AssertBlocksInStepAsync(long keyId)
    {
        var blocks = await BlocksAsync(keyId);
        var members = await ReadAsync("SELECT score_inf, score, member_prefix, member_hash FROM zset_members WHERE key_id = @v " +
            "ORDER BY score_inf, score, member_prefix, member_hash", keyId, r => ZPosition.Read(r, 0));
        Assert.NotEmpty(blocks);
        Assert.Equal(-2, blocks[0].Start.Inf);
        int next = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            int count = 0;
            while (next < members.Count && (i + 1 == blocks.Count || members[next].CompareTo(blocks[i + 1].Start) < 0))
            {
                Assert.True(members[next].CompareTo(blocks[i].Start) >= 0);
                next++;
                count++;
            }
            Assert.True(count == blocks[i].Size, $"block {i} of {blocks.Count} says {blocks[i].Size} members and holds {count}");
            Assert.True(blocks[i].Size <= RankBlocks.MaxSize, $"block {i} has {blocks[i].Size} members");
            Assert.True(i == 0 || blocks[i].Size > 0, $"block {i} is empty");
        }
        Assert.Equal(members.Count, next);
        return blocks.Count;
    }

    private async Task<List<T>> ReadAsync<T>(string sql, object value, Func<MySqlDataReader, T> map)
    {
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(Database);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@v", value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }
}

[CollectionDefinition(Name)]
public sealed class SortedSetsCollection : ICollectionFixture<SortedSetsFixture>
{
    public const string Name = "sortedsets";
}
