using System.Globalization;
using System.Text;
using RedisOnMySql.Kernel.Rdb;
using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;

namespace RedisOnMySql.Kernel.Tests.Rdb;

/// <summary>
/// The tests that ask redis-server change its settings (CONFIG SET), so they run one at a time, in one collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RedisOracleCollection : ICollectionFixture<RedisOracle>
{
    public const string Name = "redis-server as the DUMP/RESTORE oracle";
}

/// <summary>
/// The throwaway redis-server 7.0 (<see cref="RedisServer.Shared"/>) as the reference for payloads: DUMP and RESTORE,
/// and each value's contents read back with plain commands.
/// </summary>
public sealed class RedisOracle : IAsyncLifetime
{
    private ConnectionMultiplexer? _connection;

    public IDatabase Db => _connection!.GetDatabase();

    public async Task InitializeAsync()
    {
        var options = new ConfigurationOptions
        {
            Protocol = RedisProtocol.Resp2,
            AbortOnConnectFail = true,
            AllowAdmin = true,
            ConnectTimeout = 10_000,
            SyncTimeout = 30_000,
            AsyncTimeout = 30_000,
            TieBreaker = "",
            ConfigurationChannel = "",
        };
        options.EndPoints.Add("127.0.0.1", RedisServer.Shared.Port);
        _connection = await ConnectionMultiplexer.ConnectAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (_connection != null) await _connection.DisposeAsync();
    }

    /// <summary>A key no other test uses.</summary>
    public static RedisKey NewKey(string tag) => $"rdb:{tag}:{Guid.NewGuid():N}";

    public async Task<byte[]> DumpAsync(RedisKey key) =>
        (byte[])(await Db.ExecuteAsync("DUMP", key))! ?? throw new InvalidOperationException($"No key {key}.");

    /// <summary>RESTORE into a new key: null when redis-server accepts the payload, else its error message.</summary>
    public async Task<string?> RestoreAsync(RedisKey key, byte[] payload)
    {
        try
        {
            await Db.ExecuteAsync("RESTORE", key, 0, payload, "REPLACE");
            return null;
        }
        catch (RedisServerException e)
        {
            return e.Message;
        }
    }

    public async Task<string> EncodingAsync(RedisKey key) => (string)(await Db.ExecuteAsync("OBJECT", "ENCODING", key))!;

    /// <summary>The value at <paramref name="key"/> read with GET, LRANGE, SMEMBERS, ZRANGE WITHSCORES or HGETALL.</summary>
    public async Task<RdbValue> ReadAsync(RedisKey key)
    {
        var type = (string)(await Db.ExecuteAsync("TYPE", key))!;
        switch (type)
        {
            case "string":
                return new RdbString((byte[])(await Db.ExecuteAsync("GET", key))!);
            case "list":
                return new RdbList(Items(await Db.ExecuteAsync("LRANGE", key, 0, -1)));
            case "set":
                return new RdbSet(Items(await Db.ExecuteAsync("SMEMBERS", key)));
            case "zset":
                var flat = Items(await Db.ExecuteAsync("ZRANGE", key, 0, -1, "WITHSCORES"));
                return new RdbSortedSet(Enumerable.Range(0, flat.Length / 2)
                    .Select(i => new RdbSortedSetEntry(flat[2 * i], ParseScore(flat[2 * i + 1]))));
            case "hash":
                var pairs = Items(await Db.ExecuteAsync("HGETALL", key));
                return new RdbHash(Enumerable.Range(0, pairs.Length / 2).Select(i => new RdbHashField(pairs[2 * i], pairs[2 * i + 1])));
            default:
                throw new InvalidOperationException($"Key {key} has type {type}.");
        }
    }

    /// <summary>Sends a command whose arguments may be binary (byte[]) or text.</summary>
    public Task<RedisResult> ExecuteAsync(string command, params object[] args) => Db.ExecuteAsync(command, args);

    /// <summary>Sets server settings until disposed, then puts the previous values back.</summary>
    public async Task<IAsyncDisposable> ConfigAsync(params (string Name, string Value)[] settings)
    {
        var previous = new List<(string, string)>();
        foreach (var (name, value) in settings)
        {
            var current = (RedisResult[])(await Db.ExecuteAsync("CONFIG", "GET", name))!;
            previous.Add((name, (string)current[1]!));
            await Db.ExecuteAsync("CONFIG", "SET", name, value);
        }
        return new Restorer(this, previous);
    }

    private static byte[][] Items(RedisResult result) => ((RedisResult[])result!).Select(r => (byte[])r!).ToArray();

    private static double ParseScore(byte[] text) => Encoding.ASCII.GetString(text) switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        var s => double.Parse(s, CultureInfo.InvariantCulture),
    };

    private sealed class Restorer(RedisOracle oracle, List<(string Name, string Value)> previous) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var (name, value) in previous) await oracle.Db.ExecuteAsync("CONFIG", "SET", name, value);
        }
    }
}
