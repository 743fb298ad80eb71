namespace RedisOnMySql.Kernel.Configuration;

/// <summary>Limits of each per-user MySQL connection pool.</summary>
public sealed class PoolOptions
{
    public int MaxConnections { get; set; } = 16;

    public int ConnectTimeoutMs { get; set; } = 5000;

    /// <summary>A pool unused for this long is closed.</summary>
    public int IdleTtlSecs { get; set; } = 600;
}
