namespace RedisOnMySql.Kernel.Rdb;

/// <summary>Byte strings compared by content, for finding duplicate members and fields while decoding.</summary>
internal sealed class ByteStringComparer : IEqualityComparer<byte[]>
{
    public static readonly ByteStringComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] value)
    {
        var hash = new HashCode();
        hash.AddBytes(value);
        return hash.ToHashCode();
    }
}
