namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>Keys as byte strings: equality for counting, and MySQL's binary order for locking rows in one order.</summary>
internal sealed class KeyBytesComparer : IEqualityComparer<byte[]>, IComparer<byte[]>
{
    public static readonly KeyBytesComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] key)
    {
        var hash = new HashCode();
        hash.AddBytes(key);
        return hash.ToHashCode();
    }

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
