using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Proxies;

/// <summary>
/// This proxy's entry in the registry of running proxies (migrations/0003_proxies.sql). Families that keep rows about
/// their clients in MySQL stamp them with <see cref="Id"/> and count only rows of live proxies, through
/// <see cref="LiveJoin"/>: a proxy that stops heartbeating stops counting within two heartbeats.
/// </summary>
public sealed class ProxyRegistry(EventFeed feed, ProxyOptions options)
{
    private volatile bool _registered;

    /// <summary>The proxy's id: the origin it stamps on the events it writes.</summary>
    public ulong Id => feed.Origin;

    /// <summary>How long after its last heartbeat a proxy still counts as alive: two heartbeats (pubsub.heartbeat_secs).</summary>
    public long AliveWindowMs => 2L * options.Pubsub.HeartbeatSecs * 1000;

    /// <summary>
    /// <c>JOIN proxies p ON p.id = <paramref name="proxyColumn"/> AND (alive)</c>, for a statement over a proxy-owned
    /// table; the statement then takes the parameter <c>@alive_ms</c>, given <see cref="AliveWindowMs"/>.
    /// </summary>
    public static string LiveJoin(string proxyColumn) =>
        $"JOIN proxies p ON p.id = {proxyColumn} AND p.heartbeat_at > {SqlBuilder.DbNowMs} - @alive_ms";

    /// <summary>Registers the proxy before it first writes a proxy-owned row (later heartbeats keep it alive).</summary>
    public async Task EnsureRegisteredAsync(ISqlRunner sql)
    {
        if (_registered) return;
        await HeartbeatAsync(sql).ConfigureAwait(false);
    }

    internal async Task HeartbeatAsync(ISqlRunner sql)
    {
        await sql.ExecuteAsync(ProxyStatements.Heartbeat, Id).ConfigureAwait(false);
        _registered = true;
    }
}
