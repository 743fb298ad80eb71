using System.Buffers.Binary;

namespace RedisOnMySql.Commands.Strings.HyperLogLog;

/// <summary>
/// The 16 bytes every HyperLogLog value starts with: "HYLL", the encoding, 3 unused bytes, and the cached cardinality
/// (8 bytes little endian) whose most significant bit marks it stale.
/// </summary>
internal static class HllHeader
{
    public const int Size = 16;
    public const int EncodingOffset = 4;
    public const int CardinalityOffset = 8;
    private const int StaleByte = CardinalityOffset + 7;
    private const byte StaleBit = 0x80;

    /// <summary>Redis's reply for a string that is not a HyperLogLog (isHLLObjectOrReply).</summary>
    public const string NotHll = "WRONGTYPE Key is not a valid HyperLogLog string value.";

    private static ReadOnlySpan<byte> Magic => "HYLL"u8;

    /// <summary>
    /// Redis's checks of a string before any HyperLogLog command uses it, made on the header and the length alone so a
    /// long string that is not a HyperLogLog is rejected without reading it.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<byte> header, long length)
    {
        if (length < Size || !header.StartsWith(Magic)) return false;
        var encoding = (HllEncoding)header[EncodingOffset];
        return encoding switch
        {
            HllEncoding.Sparse => true,
            HllEncoding.Dense => length == HllDense.ValueSize,
            _ => false,
        };
    }

    public static HllEncoding Encoding(ReadOnlySpan<byte> header) => (HllEncoding)header[EncodingOffset];

    public static void Write(Span<byte> header, HllEncoding encoding)
    {
        Magic.CopyTo(header);
        header[EncodingOffset] = (byte)encoding;
    }

    /// <summary>The cached cardinality, unless a change since it was computed marked it stale.</summary>
    public static bool TryReadCardinality(ReadOnlySpan<byte> header, out ulong cardinality)
    {
        cardinality = BinaryPrimitives.ReadUInt64LittleEndian(header[CardinalityOffset..]);
        return (header[StaleByte] & StaleBit) == 0;
    }

    /// <summary>
    /// The 8 bytes that cache <paramref name="cardinality"/>; one with the top bit set (Redis's answer for a
    /// cardinality it cannot represent) stays stale, as in Redis.
    /// </summary>
    public static byte[] CardinalityBytes(ulong cardinality)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, cardinality);
        return bytes;
    }

    public static void MarkStale(Span<byte> header) => header[StaleByte] |= StaleBit;
}
