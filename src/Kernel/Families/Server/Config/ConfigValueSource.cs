namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>Where CONFIG GET finds a parameter's value.</summary>
internal enum ConfigValueSource
{
    /// <summary>The value this proxy process remembers (<see cref="ConfigStore"/>).</summary>
    Remembered,

    /// <summary>The port the caller is connected to (the proxy's bind_addr).</summary>
    ListenPort,

    /// <summary>The proxy process's working directory, as Redis answers dir.</summary>
    WorkingDirectory,

    /// <summary>The caller's tenant's setting, kept in MySQL for every proxy (notify-keyspace-events).</summary>
    TenantSetting,
}
