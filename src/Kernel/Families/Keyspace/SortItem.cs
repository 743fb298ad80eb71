namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>An element SORT orders: its numeric weight, or with ALPHA and BY the value it is compared by (null when missing).</summary>
public readonly record struct SortItem(byte[] Element, double Score, byte[]? CompareBy);
