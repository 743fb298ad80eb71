using System.Buffers.Binary;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// Walks a ziplist (ziplist.c; what Redis before 7.0 stored small lists, hashes and sorted sets in), checking it as
/// ziplistValidateIntegrity does with deep validation, which Redis always applies to ziplists: a 10-byte header
/// (total bytes, offset of the last entry, count), entries of "previous entry's size, encoding, data", and 0xFF.
/// </summary>
internal ref struct ZiplistReader
{
    private const int HeaderSize = 10;
    private const byte End = 0xFF;
    private const byte BigPreviousLength = 254;

    private readonly ReadOnlySpan<byte> _ziplist;
    private readonly uint _tailOffset;
    private readonly int _declaredCount;
    private int _position = HeaderSize;
    private long _previousSize;
    private int _previousPosition = -1;
    private int _count;

    public ZiplistReader(ReadOnlySpan<byte> ziplist)
    {
        if (ziplist.Length < HeaderSize + 1
            || BinaryPrimitives.ReadUInt32LittleEndian(ziplist) != (uint)ziplist.Length
            || ziplist[^1] != End)
            throw Corrupt();
        _tailOffset = BinaryPrimitives.ReadUInt32LittleEndian(ziplist[4..]);
        if (_tailOffset > (uint)ziplist.Length - 1) throw Corrupt();
        _declaredCount = BinaryPrimitives.ReadUInt16LittleEndian(ziplist[8..]);
        _ziplist = ziplist;
    }

    public ReadOnlySpan<byte> String { get; private set; }

    public long Integer { get; private set; }

    public bool IsInteger { get; private set; }

    /// <summary>The current entry as the bytes Redis would return for it (an integer as its decimal text).</summary>
    public readonly byte[] ToBytes() => IsInteger ? CanonicalInteger.Format(Integer) : String.ToArray();

    /// <summary>Moves to the next entry; false at the end, after checking the tail offset and the count.</summary>
    public bool MoveNext()
    {
        var zl = _ziplist;
        var last = zl.Length - 1;
        var p = _position;
        if (zl[p] == End)
        {
            if (p != last
                || (_previousPosition >= 0 && _previousPosition != _tailOffset)
                || (_declaredCount != ushort.MaxValue && _declaredCount != _count))
                throw Corrupt();
            return false;
        }

        var previousLengthSize = zl[p] < BigPreviousLength ? 1 : 5;
        if (p + previousLengthSize > last) throw Corrupt();
        var encodingAt = p + previousLengthSize;
        var encoding = zl[encodingAt];
        if (encoding < 0xC0) encoding &= 0xC0;
        var lengthSize = encoding switch
        {
            0x00 or 0xC0 or 0xD0 or 0xE0 or 0xF0 or 0xFE or (>= 0xF1 and <= 0xFD) => 1,
            0x40 => 2,
            0x80 => 5,
            _ => throw Corrupt(),
        };
        if (encodingAt + lengthSize > last) throw Corrupt();

        long previousLength = previousLengthSize == 1 ? zl[p] : BinaryPrimitives.ReadUInt32LittleEndian(zl.Slice(p + 1, 4));
        long dataLength = encoding switch
        {
            0x00 => zl[encodingAt] & 0x3F,
            0x40 => ((zl[encodingAt] & 0x3F) << 8) | zl[encodingAt + 1],
            0x80 => BinaryPrimitives.ReadUInt32BigEndian(zl.Slice(encodingAt + 1, 4)),
            0xFE => 1,
            0xC0 => 2,
            0xF0 => 3,
            0xD0 => 4,
            0xE0 => 8,
            _ => 0, // 4-bit immediate
        };
        var headerSize = previousLengthSize + lengthSize;
        if (p + headerSize + dataLength > last || p - previousLength < HeaderSize || previousLength != _previousSize)
            throw Corrupt();

        var data = zl.Slice(p + headerSize, (int)dataLength);
        IsInteger = encoding >= 0xC0;
        if (IsInteger)
        {
            Integer = encoding switch
            {
                0xFE => (sbyte)data[0],
                0xC0 => BinaryPrimitives.ReadInt16LittleEndian(data),
                0xF0 => ((long)(data[0] | (data[1] << 8) | (data[2] << 16)) << 40) >> 40,
                0xD0 => BinaryPrimitives.ReadInt32LittleEndian(data),
                0xE0 => BinaryPrimitives.ReadInt64LittleEndian(data),
                _ => (encoding & 0x0F) - 1,
            };
            String = default;
        }
        else
        {
            String = data;
        }

        _previousSize = headerSize + dataLength;
        _previousPosition = p;
        _position = (int)(p + _previousSize);
        _count++;
        return true;
    }

    private static RdbFormatException Corrupt() => new("Ziplist integrity check failed.");
}
