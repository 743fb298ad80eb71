using RedisOnMySql.Kernel.Families.Server.Config;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Configuration;

/// <summary>
/// The Redis parameters that take effect in this proxy, as the proxy's configuration set them and CONFIG SET last
/// changed them. One per proxy process (a DI singleton): a CONFIG SET changes them for every client and tenant of
/// this proxy, not for other proxies, and not across a restart. Code that enforces a limit reads the property when it
/// needs it, or caches what it derives while <see cref="Version"/> stays the same. (notify-keyspace-events is not here: it is each tenant's, in MySQL.)
/// </summary>
public sealed class RuntimeConfig
{
    public RuntimeConfig(ProxyOptions options)
    {
        foreach (var (parameter, value) in InitialConfigValues.For(options)) Take(parameter.Name, value);
        // timeout is whole seconds; until it is set, idle_timeout_ms keeps its milliseconds.
        IdleTimeoutMs = options.Server.IdleTimeoutMs;
    }

    /// <summary>maxclients: client connections this proxy accepts (then "ERR max number of clients reached").</summary>
    public long MaxClients { get; private set; }

    /// <summary>timeout, in milliseconds: close a client idle this long (0 = never; not while it is subscribed).</summary>
    public long IdleTimeoutMs { get; private set; }

    /// <summary>proto-max-bulk-len: the largest argument of a request, in bytes.</summary>
    public long ProtoMaxBulkLen { get; private set; }

    /// <summary>client-query-buffer-limit: the largest request (all its arguments), in bytes.</summary>
    public long ClientQueryBufferLimit { get; private set; }

    /// <summary>client-output-buffer-limit for normal clients.</summary>
    public OutputBufferLimit NormalOutputBufferLimit { get; private set; } = null!;

    /// <summary>client-output-buffer-limit for replicas (the proxy has none; kept for completeness of the setting).</summary>
    public OutputBufferLimit ReplicaOutputBufferLimit { get; private set; } = null!;

    /// <summary>client-output-buffer-limit for Pub/Sub clients: what a subscriber may have queued.</summary>
    public OutputBufferLimit PubsubOutputBufferLimit { get; private set; } = null!;

    /// <summary>slowlog-log-slower-than, in microseconds: a command at least this slow is logged (-1 = none, 0 = all).</summary>
    public long SlowlogLogSlowerThan { get; private set; }

    /// <summary>slowlog-max-len: entries the slow log keeps.</summary>
    public long SlowlogMaxLen { get; private set; }

    /// <summary>hll-sparse-max-bytes: the size past which a HyperLogLog turns dense.</summary>
    public long HllSparseMaxBytes { get; private set; }

    /// <summary>Counts the CONFIG SETs that changed a value above, so readers can cache what they derive from them.</summary>
    public long Version => Interlocked.Read(ref _version);

    private long _version;


    /// <summary>Takes the new values of the parameters a CONFIG SET changed; those that are not live are ignored.</summary>
    internal void Apply(IReadOnlyDictionary<ConfigParameter, object> changes)
    {
        var names = changes.Where(c => Take(c.Key.Name, c.Value)).Select(c => c.Key.Name).ToList();
        if (names.Count > 0) Interlocked.Increment(ref _version);
    }

    private bool Take(string name, object value)
    {
        switch (name)
        {
            case "maxclients": MaxClients = (long)value; break;
            case "timeout": IdleTimeoutMs = (long)value * 1000; break;
            case "proto-max-bulk-len": ProtoMaxBulkLen = (long)value; break;
            case "client-query-buffer-limit": ClientQueryBufferLimit = (long)value; break;
            case "client-output-buffer-limit":
                var limits = (ClientOutputBufferLimits)value;
                NormalOutputBufferLimit = limits.Normal.ToOutputBufferLimit();
                ReplicaOutputBufferLimit = limits.Replica.ToOutputBufferLimit();
                PubsubOutputBufferLimit = limits.Pubsub.ToOutputBufferLimit();
                break;
            case "slowlog-log-slower-than": SlowlogLogSlowerThan = (long)value; break;
            case "slowlog-max-len": SlowlogMaxLen = (long)value; break;
            case "hll-sparse-max-bytes": HllSparseMaxBytes = (long)value; break;
            default: return false;
        }
        return true;
    }
}
