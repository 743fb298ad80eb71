using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Proxies;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.PubSub;

/// <summary>
/// Every statement of the Pub/Sub family, over pubsub_subscriptions (one row per tenant, kind, name and proxy, with its
/// client count). Readers count only rows of live proxies (first param alive_ms, <see cref="ProxyRegistry.AliveWindowMs"/>).
/// Name lists are IN-lists padded to a power of two by repeating a name, which changes nothing in an IN, an
/// INSERT IGNORE or an UPDATE.
/// </summary>
internal static class PubSubStatements
{
    public static readonly SqlTable Subscriptions = new("pubsub_subscriptions", TableScope.Tenant);

    private static readonly ConcurrentDictionary<int, Statement> EnsureRowsByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> AddClientsByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> SumByNameByShape = new();

    /// <summary>Makes the proxy's rows for some names exist, with 0 clients (params: kind, name0.., proxy).</summary>
    public static Statement EnsureRows(int shape) => EnsureRowsByShape.GetOrAdd(shape, n =>
        SqlBuilder.Insert(Subscriptions).InsertIgnore()
            .Value("kind", "@kind").Value("name", "@name[]").Value("proxy_id", "@proxy").Value("clients", "0").Rows(n)
            .Build($"pubsub.ensure_rows_{n}"));

    /// <summary>Adds @delta clients to the proxy's rows for some names (params: delta, kind, proxy, n0..).</summary>
    public static Statement AddClients(int shape) => AddClientsByShape.GetOrAdd(shape, n =>
        SqlBuilder.Update(Subscriptions).Set("clients", "clients + @delta")
            .Where("kind", "=", "@kind").Where("proxy_id", "=", "@proxy").WhereIn("name", "@n", n)
            .Build($"pubsub.add_clients_{n}"));

    /// <summary>Deletes the proxy's rows that no client holds any more (params: proxy).</summary>
    public static readonly Statement DeleteUnused = SqlBuilder.Delete(Subscriptions)
        .Where("proxy_id", "=", "@proxy").Where("clients", "<=", "0").Build("pubsub.delete_unused");

    /// <summary>
    /// Who receives a message to @channel on live proxies: its subscribers of @kind (channel or shard channel), and with
    /// @patterns = 1 every pattern with its subscribers, which the caller matches (params: alive_ms, kind, channel, patterns).
    /// </summary>
    public static readonly Statement Receivers = Live()
        .Select("s.kind", "s.name", "SUM(s.clients)")
        .WhereRaw($"(s.kind = @kind AND s.name = @channel) OR (@patterns = 1 AND s.kind = {(int)SubscriptionKind.Pattern})")
        .GroupBy("s.kind", "s.name").Build("pubsub.receivers");

    /// <summary>Subscribers per name of one kind on live proxies, for the names that have any (params: alive_ms, kind, n0..).</summary>
    public static Statement SumByName(int shape) => SumByNameByShape.GetOrAdd(shape, n =>
        Live().Select("s.name", "SUM(s.clients)").Where("s.kind", "=", "@kind").WhereIn("s.name", "@n", n)
            .GroupBy("s.name").Build($"pubsub.sum_by_name_{n}"));

    /// <summary>Every name of one kind that a client of a live proxy holds (params: alive_ms, kind).</summary>
    public static readonly Statement ActiveNames = Live()
        .Select("DISTINCT s.name").Where("s.kind", "=", "@kind").Where("s.clients", ">", "0").Build("pubsub.active_names");

    private static SqlBuilder Live() => SqlBuilder.From(Subscriptions).Alias("s").Join(ProxyRegistry.LiveJoin("s.proxy_id"));
}
