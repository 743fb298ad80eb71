using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Blocking;

/// <summary>A key clients can block on: tenant, db and the key's bytes, compared by value.</summary>
internal readonly struct BlockedKey(string tenant, int db, byte[] key) : IEquatable<BlockedKey>
{
    public string Tenant { get; } = tenant;
    public int Db { get; } = db;
    public byte[] Key { get; } = key;

    public bool Equals(BlockedKey other) =>
        Db == other.Db && Tenant == other.Tenant && KeyBytesComparer.Instance.Equals(Key, other.Key);

    public override bool Equals(object? obj) => obj is BlockedKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Tenant, Db, KeyBytesComparer.Instance.GetHashCode(Key));
}
