using System.Buffers.Binary;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// Walks a listpack from a payload, checking it as Redis's lpValidateIntegrity does with deep validation: the header's
/// total bytes equal the blob's size, the blob ends with 0xFF, every entry has a known encoding, stays inside, and
/// ends with a backlen equal to its size, the last entry ends right at 0xFF, and the header's count (unless 65535,
/// "unknown") is the number of entries.
/// </summary>
internal ref struct ListpackReader
{
    private const int HeaderSize = ListpackWriter.HeaderSize;
    private const byte End = 0xFF;

    private readonly ReadOnlySpan<byte> _listpack;
    private readonly int _declaredCount;
    private int _position;
    private int _count;

    public ListpackReader(ReadOnlySpan<byte> listpack)
    {
        if (listpack.Length < HeaderSize + 1
            || BinaryPrimitives.ReadUInt32LittleEndian(listpack) != (uint)listpack.Length
            || listpack[^1] != End)
            throw Corrupt();
        _listpack = listpack;
        _declaredCount = BinaryPrimitives.ReadUInt16LittleEndian(listpack[4..]);
        _position = HeaderSize;
    }

    /// <summary>The current entry's text when it is a string.</summary>
    public ReadOnlySpan<byte> String { get; private set; }

    /// <summary>The current entry's value when it is an integer.</summary>
    public long Integer { get; private set; }

    public bool IsInteger { get; private set; }

    /// <summary>The current entry as the bytes Redis would return for it (an integer as its decimal text).</summary>
    public readonly byte[] ToBytes() => IsInteger ? CanonicalInteger.Format(Integer) : String.ToArray();

    /// <summary>Moves to the next entry; false at the end, after checking the count.</summary>
    public bool MoveNext()
    {
        var lp = _listpack;
        var last = lp.Length - 1;
        if (lp[_position] == End)
        {
            if (_position != last || (_declaredCount != ushort.MaxValue && _declaredCount != _count)) throw Corrupt();
            return false;
        }

        var p = _position;
        var first = lp[p];
        long headerSize, dataSize;
        IsInteger = true;
        if ((first & 0x80) == 0)
        {
            headerSize = 1;
            dataSize = 0;
            Integer = first;
        }
        else if ((first & 0xC0) == 0x80)
        {
            headerSize = 1;
            dataSize = first & 0x3F;
            IsInteger = false;
        }
        else if ((first & 0xE0) == 0xC0)
        {
            headerSize = 2;
            dataSize = 0;
        }
        else if ((first & 0xF0) == 0xE0)
        {
            headerSize = 2;
            if (p + 1 > last) throw Corrupt();
            dataSize = ((first & 0x0F) << 8) | lp[p + 1];
            IsInteger = false;
        }
        else
        {
            (headerSize, dataSize) = first switch
            {
                0xF0 => (5L, p + 4 <= last ? (long)BinaryPrimitives.ReadUInt32LittleEndian(lp.Slice(p + 1, 4)) : throw Corrupt()),
                0xF1 => (1L, 2L),
                0xF2 => (1L, 3L),
                0xF3 => (1L, 4L),
                0xF4 => (1L, 8L),
                _ => throw Corrupt(),
            };
            IsInteger = first != 0xF0;
        }

        var size = headerSize + dataSize;
        var backlenSize = ListpackWriter.BacklenSize(size);
        // The entry and its backlen must end before the final 0xFF.
        if (p + size + backlenSize > last) throw Corrupt();
        if (DecodeBacklen(lp, (int)(p + size + backlenSize - 1)) != size) throw Corrupt();

        if (IsInteger)
        {
            Integer = first switch
            {
                < 0x80 => first,
                < 0xE0 => SignExtend(((first & 0x1F) << 8) | lp[p + 1], 13),
                0xF1 => BinaryPrimitives.ReadInt16LittleEndian(lp.Slice(p + 1, 2)),
                0xF2 => SignExtend(lp[p + 1] | (lp[p + 2] << 8) | (lp[p + 3] << 16), 24),
                0xF3 => BinaryPrimitives.ReadInt32LittleEndian(lp.Slice(p + 1, 4)),
                _ => BinaryPrimitives.ReadInt64LittleEndian(lp.Slice(p + 1, 8)),
            };
            String = default;
        }
        else
        {
            String = lp.Slice((int)(p + headerSize), (int)dataSize);
        }

        _position = (int)(p + size + backlenSize);
        _count++;
        return true;
    }

    private static long SignExtend(int value, int bits) => ((long)value << (64 - bits)) >> (64 - bits);


    // lpDecodeBacklen: 7 bits per byte from the last one backwards, while bit 7 is set; more than 5 bytes is invalid.
    private static long DecodeBacklen(ReadOnlySpan<byte> lp, int position)
    {
        long value = 0;
        var shift = 0;
        while (true)
        {
            if (position < 0) return -1;
            var b = lp[position];
            value |= (long)(b & 127) << shift;
            if ((b & 128) == 0) return value;
            shift += 7;
            position--;
            if (shift > 28) return -1;
        }
    }

    private static RdbFormatException Corrupt() => new("Listpack integrity check failed.");
}
