namespace RedisOnMySql.Kernel.Rdb;

/// <summary>A field of a hash and its value.</summary>
public readonly record struct RdbHashField(byte[] Name, byte[] Value);
