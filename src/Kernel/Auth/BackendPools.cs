using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MySqlConnector;
using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Auth;

/// <summary>
/// The per-credential pools of this proxy. Keyed by user and a hash of the password, so the password itself is
/// only held inside the connection string MySqlConnector needs.
/// </summary>
public sealed class BackendPools(ProxyOptions options)
{
    private readonly ConcurrentDictionary<string, BackendPool> _pools = new();

    public int Count => _pools.Count;
    public IEnumerable<BackendPool> All => _pools.Values;

    public BackendPool GetOrCreate(string user, string password) =>
        _pools.GetOrAdd(Key(user, password), _ => new BackendPool(user, ConnectionString(user, password)));

    /// <summary>
    /// The pool for work the proxy does on no client's behalf: its own credentials (auth.proxy_user), else the default
    /// user's, else those of any client that signed in; null while there are none.
    /// </summary>
    public BackendPool? ForMaintenance()
    {
        if (options.Auth.ProxyUser.Length > 0) return GetOrCreate(options.Auth.ProxyUser, options.Auth.ProxyPassword);
        if (options.Auth.DefaultUser.Length > 0) return GetOrCreate(options.Auth.DefaultUser, options.Auth.DefaultPassword);
        return _pools.Values.FirstOrDefault(p => p.Proven);
    }

    /// <summary>Drops pools idle for longer than idle_ttl_secs and closes their connections.</summary>
    public async Task<int> EvictIdleAsync()
    {
        long ttlMs = options.Pool.IdleTtlSecs * 1000L;
        int evicted = 0;
        foreach (var (key, pool) in _pools)
        {
            if (pool.IdleMs < ttlMs || !_pools.TryRemove(key, out _)) continue;
            await using var connection = new MySqlConnection(pool.ConnectionString);
            await MySqlConnection.ClearPoolAsync(connection).ConfigureAwait(false);
            evicted++;
        }
        return evicted;
    }

    public void Forget(string user, string password) => _pools.TryRemove(Key(user, password), out _);

    private static string Key(string user, string password) =>
        user + "\0" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));

    private string ConnectionString(string user, string password)
    {
        var builder = new MySqlConnectionStringBuilder(options.MysqlOptions ?? "");
        MysqlServers.Parse(options.MysqlAddr).ApplyTo(builder);
        builder.Database = options.MysqlDatabase;
        builder.UserID = user;
        builder.Password = password;
        builder.Pooling = true;
        builder.MaximumPoolSize = (uint)options.Pool.MaxConnections;
        builder.ConnectionTimeout = (uint)Math.Max(1, (options.Pool.ConnectTimeoutMs + 999) / 1000);
        builder.ConnectionIdleTimeout = (uint)Math.Max(1, options.Pool.IdleTtlSecs);
        builder.AllowUserVariables = false;
        // Commands count matched rows (EXPIRE to the same time is still 1), whatever mysql_options says.
        builder.UseAffectedRows = false;
        // No command leaves session state behind (transactions are explicit and end before the connection returns),
        // so the reset round trip MySqlConnector would make per pooled use is pure cost.
        builder.ConnectionReset = false;
        return builder.ConnectionString;
    }
}
