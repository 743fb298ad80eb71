using MySqlConnector;
using static RedisOnMySql.TestInfrastructure.RespText;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.PubSub.Tests;

/// <summary>
/// One database and proxy for the Pub/Sub tests, with fast heartbeats and cleanup (so a dead proxy stops counting
/// within seconds), and a way to start more proxies on the same database with the same settings.
/// </summary>
public sealed class PubSubFixture : ProxyFixture
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static IDictionary<string, string> FastUpkeep => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_PUBSUB_HEARTBEAT_SECS"] = "1",
        ["REDIS_MYSQL_PUBSUB_CLEANUP_INTERVAL_SECS"] = "1",
        ["REDIS_MYSQL_PUBSUB_IDLE_SECS"] = "3",
    };

    protected override IDictionary<string, string> Environment => FastUpkeep;

    /// <summary>Another proxy on this database, with the same settings plus <paramref name="extra"/>.</summary>
    public Task<ProxyProcess> StartProxyAsync(IDictionary<string, string>? extra = null)
    {
        var env = new Dictionary<string, string>(FastUpkeep);
        foreach (var (name, value) in extra ?? new Dictionary<string, string>()) env[name] = value;
        return ProxyProcess.StartAsync(Database, env);
    }

    public static Task<RawRespClient> RawAsync(ProxyProcess proxy, string user = UserA) =>
        RawRespClient.ConnectAuthenticatedAsync(proxy.Port, user, Password);

    /// <summary>A scalar query against the test database as root.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(Database);
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Waits until PUBSUB NUMSUB reports <paramref name="expected"/> subscribers of the channel.</summary>
    public static async Task WaitForCountAsync(RawRespClient client, string channel, long expected)
    {
        var deadline = DateTime.UtcNow + Wait;
        var wanted = "*2\r\n" + Bulk(channel) + Int(expected);
        while (await client.CommandAsync("PUBSUB", "NUMSUB", channel) != wanted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"NUMSUB of {channel} never reached {expected}");
            await Task.Delay(50);
        }
    }

    /// <summary>A root connection to the test database, for tests that write the tables directly.</summary>
    public Task<MySqlConnection> RootAsync() => MariaDbServer.Shared.OpenRootConnectionAsync(Database);
}

[CollectionDefinition(Name)]
public sealed class PubSubCollection : ICollectionFixture<PubSubFixture>
{
    public const string Name = "pubsub";
}

/// <summary>A proxy started with families.disabled: [pubsub].</summary>
public sealed class PubSubDisabledFixture : ProxyFixture
{
    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_FAMILIES_DISABLED"] = "pubsub",
    };
}
