using MySqlConnector;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>
/// One database and proxy for all lists tests, plus direct access to the tables. The orphan collector runs every
/// second so a test can watch a deleted list's rows go.
/// </summary>
public sealed class ListsFixture : ProxyFixture
{
    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_ORPHAN_CLEANUP_INTERVAL_SECS"] = "1",
    };

    /// <summary>Rows of <paramref name="table"/> (list_items or list_bounds) under a keyspace id.</summary>
    public async Task<long> RowsAsync(string table, long keyId) =>
        await ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE key_id = @v", keyId) ?? 0;

    /// <summary>The list's positions in order and its bounds row, to check the storage invariant.</summary>
    public async Task<(List<long> Positions, long Head, long Tail)> LayoutAsync(long keyId)
    {
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(Database);
        var positions = new List<long>();
        await using (var command = new MySqlCommand("SELECT pos FROM list_items WHERE key_id = @id ORDER BY pos", connection))
        {
            command.Parameters.AddWithValue("@id", keyId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) positions.Add(reader.GetInt64(0));
        }
        await using var bounds = new MySqlCommand("SELECT head, tail FROM list_bounds WHERE key_id = @id", connection);
        bounds.Parameters.AddWithValue("@id", keyId);
        await using var row = await bounds.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync(), "the list has no bounds row");
        return (positions, row.GetInt64(0), row.GetInt64(1));
    }

    /// <summary>Asserts element i is at head + i, contiguously, and the bounds match.</summary>
    public async Task AssertContiguousAsync(string key)
    {
        var id = await KeyIdAsync(key) ?? throw new Xunit.Sdk.XunitException($"{key} has no keyspace row");
        var (positions, head, tail) = await LayoutAsync(id);
        Assert.Equal(Enumerable.Range(0, positions.Count).Select(i => head + i), positions);
        Assert.Equal(tail, head + positions.Count - 1);
    }
}

[CollectionDefinition(Name)]
public sealed class ListsCollection : ICollectionFixture<ListsFixture>
{
    public const string Name = "lists";
}
