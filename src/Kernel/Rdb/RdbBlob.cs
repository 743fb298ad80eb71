using System.Buffers;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>The bytes of an encoded structure read from a payload, and the pooled buffer holding them if any.</summary>
internal readonly ref struct RdbBlob(ReadOnlySpan<byte> bytes, byte[]? pooled)
{
    public ReadOnlySpan<byte> Bytes { get; } = bytes;

    public void Dispose()
    {
        if (pooled != null) ArrayPool<byte>.Shared.Return(pooled);
    }
}
