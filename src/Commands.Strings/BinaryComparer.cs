namespace RedisOnMySql.Commands.Strings;

/// <summary>Equality and unsigned byte order of binary keys, the order MySQL's binary collation uses.</summary>
internal sealed class BinaryComparer : IEqualityComparer<byte[]>, IComparer<byte[]>
{
    public static readonly BinaryComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
