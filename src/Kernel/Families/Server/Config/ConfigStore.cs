using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Rdb;

namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// The values of every Redis parameter in this proxy process, which CONFIG GET answers and CONFIG SET changes. They
/// are the proxy's, in memory: a change is seen by every client and tenant of this proxy, not by other proxies, and is
/// forgotten at a restart (like a Redis server without CONFIG REWRITE). Those that take effect reach
/// <see cref="RuntimeConfig"/>. notify-keyspace-events is the exception: each tenant's, in MySQL.
/// </summary>
internal sealed class ConfigStore(RuntimeConfig runtime, ProxyOptions options, CommandTable table)
{
    private readonly SemaphoreSlim _updates = new(1, 1);
    private IReadOnlyDictionary<ConfigParameter, object> _values = InitialConfigValues.For(options, table.ClusterMode);

    /// <summary>A consistent view of every value; a CONFIG SET replaces it whole.</summary>
    public IReadOnlyDictionary<ConfigParameter, object> Values => Volatile.Read(ref _values);

    /// <summary>
    /// Runs one update at a time: <paramref name="plan"/> gets the current values and returns the changes to keep, or
    /// throws, which leaves every value as it was.
    /// </summary>
    public async Task UpdateAsync(
        Func<IReadOnlyDictionary<ConfigParameter, object>, Task<IReadOnlyDictionary<ConfigParameter, object>>> plan)
    {
        await _updates.WaitAsync().ConfigureAwait(false);
        try
        {
            var changes = await plan(Values).ConfigureAwait(false);
            if (changes.Count == 0) return;
            var next = new Dictionary<ConfigParameter, object>(Values);
            foreach (var (parameter, value) in changes) next[parameter] = value;
            Volatile.Write(ref _values, next);
            runtime.Apply(changes);
        }
        finally
        {
            _updates.Release();
        }
    }

    /// <summary>The encodings Redis would choose under the parameters CONFIG SET last gave this proxy.</summary>
    public RdbEncodingOptions EncodingOptions()
    {
        var values = Values;
        long Number(string name) => Convert.ToInt64(values[RedisConfigTable.Find(name)]);
        return new RdbEncodingOptions
        {
            HashMaxListpackEntries = Number("hash-max-listpack-entries"),
            HashMaxListpackValue = Number("hash-max-listpack-value"),
            SetMaxIntsetEntries = Number("set-max-intset-entries"),
            ZSetMaxListpackEntries = Number("zset-max-listpack-entries"),
            ZSetMaxListpackValue = Number("zset-max-listpack-value"),
            ListMaxListpackSize = (int)Number("list-max-listpack-size"),
            RdbCompression = (bool)values[RedisConfigTable.Find("rdbcompression")],
        };
    }
}
