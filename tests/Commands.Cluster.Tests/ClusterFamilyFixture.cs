using MySqlConnector;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Cluster.Tests;

/// <summary>
/// A proxy with the cluster family on, heartbeating every second on its own credentials (auth.proxy_user), and root
/// access to its node registry.
/// </summary>
public class ClusterFamilyFixture : ProxyFixture
{
    public IDictionary<string, string> ClusterEnvironment => Environment;

    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_FAMILIES_ENABLED"] = "cluster",
        ["REDIS_MYSQL_PROXY_USER"] = UserA,
        ["REDIS_MYSQL_PROXY_PASSWORD"] = Password,
        ["REDIS_MYSQL_CLUSTER_HEARTBEAT_SECS"] = "1",
    };

    /// <summary>Runs a statement on the fixture's database as root (param: @v).</summary>
    public async Task ExecuteAsync(string sql, object? value = null)
    {
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(Database);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@v", value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The registry's row of a node as root sees it, or null.</summary>
    public async Task<NodeRow?> NodeRowAsync(string nodeId)
    {
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(Database);
        await using var command = new MySqlCommand(
            "SELECT host, port, started_at, heartbeat_at, alive_ms FROM cluster_nodes WHERE node_id = @v", connection);
        command.Parameters.AddWithValue("@v", nodeId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new NodeRow(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4))
            : null;
    }

    /// <summary>Polls until <paramref name="done"/> holds, for at most <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, int seconds, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"after {seconds} s: {what}");
            await Task.Delay(50);
        }
    }
}

/// <summary>A row of cluster_nodes.</summary>
public sealed record NodeRow(string Host, int Port, long StartedAt, long HeartbeatAt, long AliveMs);
