using StackExchange.Redis;
using Xunit;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>
/// A fresh database with the migrations applied, two MySQL users of two tenants, and one proxy process serving it.
/// Share it per test class (IClassFixture) or collection; subclass and override <see cref="Environment"/> for config.
/// </summary>
public class ProxyFixture : IAsyncLifetime
{
    public const string UserA = "tenantA:alice";
    public const string UserB = "tenantB:bob";
    public const string Password = "password";

    public string Database { get; private set; } = "";
    public ProxyProcess Proxy { get; private set; } = null!;
    public int Port => Proxy.Port;

    /// <summary>Extra REDIS_MYSQL_* settings for the proxy.</summary>
    protected virtual IDictionary<string, string> Environment => new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        var server = MariaDbServer.Shared;
        Database = server.CreateDatabase();
        server.CreateUser(UserA, Password, Database);
        server.CreateUser(UserB, Password, Database);
        Proxy = await ProxyProcess.StartAsync(Database, Environment);
    }

    public virtual async Task DisposeAsync()
    {
        if (Proxy != null) await Proxy.DisposeAsync();
        MariaDbServer.Shared.DropDatabase(Database);
    }

    public Task<ConnectionMultiplexer> ConnectAsync(string user = UserA) => Clients.ConnectAsync(Port, user, Password);

    public Task<RawRespClient> RawAsync(string user = UserA) => RawRespClient.ConnectAuthenticatedAsync(Port, user, Password);

    /// <summary>Polls until the key no longer answers as present (it was given a short TTL).</summary>
    public static async Task WaitUntilGoneAsync(RawRespClient raw, string key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await raw.CommandAsync("EXISTS", key) != ":0\r\n")
        {
            Assert.True(DateTime.UtcNow < deadline, "the key never expired");
            await Task.Delay(20);
        }
    }

    /// <summary>A one-number query of the fixture's tables, as root (param: @v); null when it finds no row or NULL.</summary>
    public async Task<long?> ScalarAsync(string sql, object value)
    {
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(Database);
        await using var command = new MySqlConnector.MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@v", value);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? null : Convert.ToInt64(result);
    }

    /// <summary>The keyspace id of a key in tenantA db 0, or null when it has no row.</summary>
    public Task<long?> KeyIdAsync(string key) =>
        ScalarAsync("SELECT id FROM keyspace WHERE tenant = 'tenantA' AND db = 0 AND k = @v", System.Text.Encoding.UTF8.GetBytes(key));

    /// <summary>Runs <paramref name="command"/> on a string key: it must answer WRONGTYPE and leave the string as it was.</summary>
    public async Task AssertWrongTypeOnAStringAsync(string command, params string[] args)
    {
        using var raw = await RawAsync();
        var k = Key("str");
        await raw.CommandAsync("SET", k, "value");
        Assert.Equal(RespText.WrongType, await raw.CommandAsync([command, k, .. args]));
        Assert.Equal(RespText.Bulk("value"), await raw.CommandAsync("GET", k));
    }

    /// <summary>A key name unique to one test, so tests sharing a fixture never collide.</summary>
    public static string Key(string name = "k") => $"{name}:{Guid.NewGuid():N}";
}
