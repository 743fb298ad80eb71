using System.Buffers.Binary;

namespace RedisOnMySql.Commands.Strings.HyperLogLog;

/// <summary>
/// MurmurHash2, 64-bit version, as Redis's hyperloglog.c has it: 8-byte blocks read little endian whatever the machine,
/// so a stored HyperLogLog means the same everywhere.
/// </summary>
internal static class MurmurHash64A
{
    private const ulong M = 0xc6a4a7935bd1e995;
    private const int R = 47;

    public static ulong Hash(ReadOnlySpan<byte> data, uint seed)
    {
        ulong h = seed ^ ((ulong)data.Length * M);
        int blocks = data.Length & ~7;
        for (int i = 0; i < blocks; i += 8)
        {
            ulong k = BinaryPrimitives.ReadUInt64LittleEndian(data[i..]);
            k *= M;
            k ^= k >> R;
            k *= M;
            h ^= k;
            h *= M;
        }

        var tail = data[blocks..];
        if (!tail.IsEmpty)
        {
            for (int i = 0; i < tail.Length; i++) h ^= (ulong)tail[i] << (8 * i);
            h *= M;
        }

        h ^= h >> R;
        h *= M;
        h ^= h >> R;
        return h;
    }
}
