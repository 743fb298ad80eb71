namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// Keys and elements as byte strings: equality for dictionaries and counting, and the unsigned byte order MySQL's
/// binary collation uses, so rows can be locked in one order by every command.
/// </summary>
public sealed class KeyBytesComparer : IEqualityComparer<byte[]>, IComparer<byte[]>
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
