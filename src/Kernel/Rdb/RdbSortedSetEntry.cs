namespace RedisOnMySql.Kernel.Rdb;

/// <summary>A member of a sorted set and its score (never NaN; ±infinity and -0.0 are scores like any other).</summary>
public readonly record struct RdbSortedSetEntry(byte[] Member, double Score);
