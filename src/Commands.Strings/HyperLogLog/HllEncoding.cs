namespace RedisOnMySql.Commands.Strings.HyperLogLog;

/// <summary>The encoding byte of a HyperLogLog header; Redis accepts no other value.</summary>
internal enum HllEncoding : byte
{
    Dense = 0,
    Sparse = 1,
}
