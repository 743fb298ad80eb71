namespace RedisOnMySql.Kernel.Storage;

/// <summary>Sizes fixed by the schema (keyspace.k is VARBINARY(2048), keyspace.tenant VARBINARY(255)).</summary>
public static class KeyspaceLimits
{
    public const int MaxKeyBytes = 2048;
    public const int MaxTenantBytes = 255;
    public static readonly string KeyTooLong = $"ERR key is too long (at most {MaxKeyBytes} bytes)";
}
