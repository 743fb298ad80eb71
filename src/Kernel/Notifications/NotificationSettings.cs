using System.Collections.Concurrent;
using System.Text;
using MySqlConnector;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Notifications;

/// <summary>
/// Each tenant's notify-keyspace-events, kept in MySQL (tenant_settings) so whichever proxy performs a write honours
/// the setting. A proxy reads a tenant's value again once its copy is older than <see cref="CacheMs"/>: a CONFIG SET
/// through one proxy takes effect at once there and within that time on the others, for one point read per tenant
/// and interval while the tenant writes.
/// </summary>
public sealed class NotificationSettings
{
    public const int CacheMs = 250;
    private const string Name = "notify-keyspace-events";

    private static readonly SqlTable TenantSettings = new("tenant_settings", TableScope.Tenant);
    private static readonly Statement Select = SqlBuilder.From(TenantSettings).Select("value")
        .Where("name", "=", "@name").Build("tenant_settings.select");
    private static readonly Statement Upsert = SqlBuilder.Insert(TenantSettings).Value("name", "@name").Value("value", "@value")
        .OnDuplicateKeyUpdate("value = @value").Build("tenant_settings.upsert");

    private readonly ConcurrentDictionary<string, (NotifyFlags Flags, long ReadAtMs)> _byTenant = new();
    private readonly ConcurrentDictionary<string, byte> _refreshing = new();

    /// <summary>The session tenant's flags (the runner's tenant), from the cache while it is fresh.</summary>
    public async ValueTask<NotifyFlags> FlagsAsync(ISqlRunner sql, string tenant)
    {
        long now = Environment.TickCount64;
        if (_byTenant.TryGetValue(tenant, out var cached) && now - cached.ReadAtMs < CacheMs) return cached.Flags;
        var value = await sql.QueryFirstAsync(Select, r => (byte[])r.GetValue(0), Name).ConfigureAwait(false);
        var flags = value is null ? NotifyFlags.None : NotifyFlagsText.Parse(Encoding.ASCII.GetString(value)) ?? NotifyFlags.None;
        _byTenant[tenant] = (flags, now);
        return flags;
    }

    /// <summary>
    /// The tenant's last flags read, whatever their age, for a caller that must not wait (the dispatcher choosing to
    /// merge a command); null before the first read. Once they are older than <see cref="CacheMs"/>, one read through
    /// <paramref name="sql"/> starts in the background, so a proxy serving only merged reads still sees a CONFIG SET
    /// made elsewhere within about that time, and no request waits for it.
    /// </summary>
    public NotifyFlags? LastKnown(ISqlRunner sql, string tenant)
    {
        if (!_byTenant.TryGetValue(tenant, out var cached)) return null;
        if (Environment.TickCount64 - cached.ReadAtMs >= CacheMs && _refreshing.TryAdd(tenant, 0)) _ = RefreshAsync(sql, tenant);
        return cached.Flags;
    }

    private async Task RefreshAsync(ISqlRunner sql, string tenant)
    {
        try
        {
            await FlagsAsync(sql, tenant).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MySqlException || BackendErrors.IsConnectionLoss(e))
        {
            // MySQL unreachable: the last flags stay in use, and the next look starts another read.
        }
        finally
        {
            _refreshing.TryRemove(tenant, out _);
        }
    }

    /// <summary>Stores the session tenant's flags (CONFIG SET) and uses them on this proxy at once.</summary>
    public async Task SetAsync(ISqlRunner sql, string tenant, NotifyFlags flags)
    {
        await sql.ExecuteAsync(Upsert, Name, Encoding.ASCII.GetBytes(NotifyFlagsText.Stored(flags))).ConfigureAwait(false);
        _byTenant[tenant] = (flags, Environment.TickCount64);
    }
}
