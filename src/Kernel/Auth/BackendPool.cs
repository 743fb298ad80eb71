namespace RedisOnMySql.Kernel.Auth;

/// <summary>
/// One MySQL pool per (user, password). MySqlConnector keeps the physical connections, keyed by the connection
/// string; this object remembers that the credentials were proven and when the pool was last used.
/// </summary>
public sealed class BackendPool(string user, string connectionString)
{
    private long _lastUsedTicks = Environment.TickCount64;

    public string User { get; } = user;
    public string ConnectionString { get; } = connectionString;
    public bool Proven { get; set; }
    public long IdleMs => Environment.TickCount64 - Interlocked.Read(ref _lastUsedTicks);

    public void Touch() => Interlocked.Exchange(ref _lastUsedTicks, Environment.TickCount64);
}
