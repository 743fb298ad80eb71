namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>How a numeric parameter's value is written (Redis's INTEGER, MEMORY, MEMORY|PERCENT and OCTAL configs).</summary>
internal enum NumberFormat
{
    /// <summary>Plain digits, as string2ll reads them.</summary>
    Integer,

    /// <summary>Bytes with an optional unit: 100mb, 1gb, 3000.</summary>
    Memory,

    /// <summary>Bytes, or a percentage "50%" (kept as -50, as Redis keeps it).</summary>
    MemoryOrPercent,

    /// <summary>An octal number: unixsocketperm.</summary>
    Octal,
}
