using System.Buffers;
using System.Buffers.Binary;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// Reads RDB primitives (rdb.c's rdbLoadLen, rdbGenericLoadStringObject, the double loaders) from a payload, throwing
/// <see cref="RdbFormatException"/> at the first fault, including a read past the end.
/// </summary>
internal ref struct RdbReader(ReadOnlySpan<byte> data)
{
    private const byte EncodedInt8 = 0;
    private const byte EncodedInt16 = 1;
    private const byte EncodedInt32 = 2;
    private const byte EncodedLzf = 3;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _data.Length - _position;

    public byte ReadByte()
    {
        if (_position >= _data.Length) throw Truncated();
        return _data[_position++];
    }

    /// <summary>
    /// A length as rdbLoadLen(rdb, NULL) reads it: 6 or 14 bits, or 0x80 / 0x81 and 32 / 64 bits big endian. Redis
    /// passes no "is encoded" flag there, so a byte 11xxxxxx (an encoding marker in a string) reads as the length
    /// xxxxxx, and so it does here.
    /// </summary>
    public ulong ReadLength() => ReadLengthOrEncoding(out _);

    /// <summary>
    /// A count of things that follow, each taking at least one byte: one larger than what is left cannot be right,
    /// and would only make Redis fail later (or allocate for nothing).
    /// </summary>
    public int ReadCount()
    {
        var count = ReadLength();
        if (count > (ulong)Remaining) throw new RdbFormatException($"Count {count} exceeds the {Remaining} bytes left.");
        return (int)count;
    }

    /// <summary>A string, whatever its encoding: raw, an 8/16/32-bit integer (as its decimal text), or LZF.</summary>
    public byte[] ReadString()
    {
        var length = ReadLengthOrEncoding(out var encoded);
        if (!encoded) return ReadBytes(length).ToArray();
        return length switch
        {
            EncodedInt8 or EncodedInt16 or EncodedInt32 => CanonicalInteger.Format(ReadEncodedInteger((byte)length)),
            EncodedLzf => ReadCompressed(),
            _ => throw new RdbFormatException($"Unknown RDB string encoding type {length}."),
        };
    }

    /// <summary>
    /// A string holding an encoded structure (listpack, ziplist, intset, zipmap): a slice of the payload when stored as
    /// is, else decompressed into a pooled buffer that disposing returns.
    /// </summary>
    public RdbBlob ReadBlob()
    {
        var length = ReadLengthOrEncoding(out var encoded);
        if (!encoded) return new RdbBlob(ReadBytes(length), null);
        switch (length)
        {
            case EncodedInt8 or EncodedInt16 or EncodedInt32:
                return new RdbBlob(CanonicalInteger.Format(ReadEncodedInteger((byte)length)), null);
            case EncodedLzf:
                var compressed = ReadCompressedHeader(out var size);
                var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
                try
                {
                    Decompress(compressed, buffer.AsSpan(0, size));
                    return new RdbBlob(buffer.AsSpan(0, size), buffer);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }
            default:
                throw new RdbFormatException($"Unknown RDB string encoding type {length}.");
        }
    }

    /// <summary>A score of RDB_TYPE_ZSET_2: an IEEE 754 double, little endian.</summary>
    public double ReadBinaryDouble()
    {
        var bytes = ReadBytes(8);
        return BinaryPrimitives.ReadDoubleLittleEndian(bytes);
    }

    /// <summary>
    /// A score of the old RDB_TYPE_ZSET (rdbLoadDoubleValue): a length byte, where 253, 254 and 255 stand for NaN, +inf
    /// and -inf, then that many bytes of text read with sscanf("%lg").
    /// </summary>
    public double ReadTextDouble()
    {
        var length = ReadByte();
        switch (length)
        {
            case 255: return double.NegativeInfinity;
            case 254: return double.PositiveInfinity;
            case 253: return double.NaN;
        }
        if (!DoubleText.TryParseLikeScanf(ReadBytes(length), out var value))
            throw new RdbFormatException("A sorted set score is not a number.");
        return value;
    }

    private ulong ReadLengthOrEncoding(out bool encoded)
    {
        encoded = false;
        var first = ReadByte();
        switch (first >> 6)
        {
            case 0:
                return (ulong)(first & 0x3F);
            case 1:
                return ((ulong)(first & 0x3F) << 8) | ReadByte();
            case 3:
                encoded = true;
                return (ulong)(first & 0x3F);
        }
        return first switch
        {
            0x80 => BinaryPrimitives.ReadUInt32BigEndian(ReadBytes(4)),
            0x81 => BinaryPrimitives.ReadUInt64BigEndian(ReadBytes(8)),
            _ => throw new RdbFormatException($"Unknown length encoding 0x{first:X2}."),
        };
    }

    private long ReadEncodedInteger(byte encoding) => encoding switch
    {
        EncodedInt8 => (sbyte)ReadByte(),
        EncodedInt16 => BinaryPrimitives.ReadInt16LittleEndian(ReadBytes(2)),
        _ => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4)),
    };

    private byte[] ReadCompressed()
    {
        var compressed = ReadCompressedHeader(out var size);
        var value = new byte[size];
        Decompress(compressed, value);
        return value;
    }

    // The compressed and the original length, then the compressed bytes (rdbLoadLzfStringObject).
    private ReadOnlySpan<byte> ReadCompressedHeader(out int size)
    {
        var compressedLength = ReadLength();
        var originalLength = ReadLength();
        var compressed = ReadBytes(compressedLength);
        // LZF cannot expand a byte into more than MaxExpansion bytes: a larger size is a lie that would cost a big
        // allocation before failing (also beyond what a .NET array holds).
        if (originalLength > (ulong)compressed.Length * Lzf.MaxExpansion || originalLength > (ulong)Array.MaxLength)
            throw new RdbFormatException("Invalid LZF compressed string.");
        size = (int)originalLength;
        return compressed;
    }

    private static void Decompress(ReadOnlySpan<byte> compressed, Span<byte> destination)
    {
        if (Lzf.Decompress(compressed, destination) != destination.Length)
            throw new RdbFormatException("Invalid LZF compressed string.");
    }

    private ReadOnlySpan<byte> ReadBytes(ulong length)
    {
        if (length > (ulong)Remaining) throw Truncated();
        var bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        return bytes;
    }

    private static RdbFormatException Truncated() => new("The payload ends in the middle of the value.");
}
