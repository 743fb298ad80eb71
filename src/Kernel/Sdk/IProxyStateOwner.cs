using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// Implemented by a family that keeps rows about this proxy's clients in MySQL (Pub/Sub subscriptions): each table
/// has a <c>proxy_id</c> column holding <see cref="Proxies.ProxyRegistry.Id"/>. The kernel deletes a proxy's rows when
/// it shuts down, and those of a proxy that died once the Pub/Sub cleanup has removed it from the registry; until
/// then, readers join <see cref="Proxies.ProxyRegistry.LiveJoin"/> so a dead proxy's rows stop counting.
/// </summary>
public interface IProxyStateOwner
{
    IReadOnlyList<SqlTable> ProxyTables { get; }
}
