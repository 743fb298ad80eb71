using System.Buffers;
using System.Buffers.Binary;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// Writes RDB primitives as Redis 7.0 does (rdbSaveLen, rdbSaveRawString, rdbSaveBinaryDoubleValue) into a pooled,
/// growing buffer.
/// </summary>
internal sealed class RdbWriter(bool compress) : IDisposable
{
    private const byte EncodedValueMarker = 0xC0;
    private const byte EncodedLzf = 0xC3;
    private const int MaxLengthSize = 9;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256);
    private int _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void WriteByte(byte value)
    {
        Reserve(1)[0] = value;
        _length++;
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    public void WriteLength(ulong length) => _length += WriteLength(Reserve(MaxLengthSize), length);

    /// <summary>
    /// rdbSaveRawString: a canonical integer of up to 11 characters within 32 bits as 0xC0 / 0xC1 / 0xC2 and 1, 2 or 4
    /// bytes; else LZF when compression is on, the string is longer than 20 bytes and LZF saves at least 4 bytes;
    /// else the length and the bytes.
    /// </summary>
    public void WriteString(ReadOnlySpan<byte> value)
    {
        if (value.Length <= 11 && CanonicalInteger.TryParse(value, out var integer) && TryWriteEncodedInteger(integer))
            return;
        if (compress && value.Length > 20 && TryWriteCompressed(value)) return;
        WriteLength((ulong)value.Length);
        WriteRaw(value);
    }

    public void WriteBinaryDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);
        _length += 8;
    }

    public void WriteUInt16LittleEndian(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);
        _length += 2;
    }

    public void WriteUInt64LittleEndian(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);
        _length += 8;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private bool TryWriteEncodedInteger(long value)
    {
        var target = Reserve(5);
        if (value is >= sbyte.MinValue and <= sbyte.MaxValue)
        {
            target[0] = EncodedValueMarker;
            target[1] = (byte)value;
            _length += 2;
        }
        else if (value is >= short.MinValue and <= short.MaxValue)
        {
            target[0] = EncodedValueMarker | 1;
            BinaryPrimitives.WriteInt16LittleEndian(target[1..], (short)value);
            _length += 3;
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            target[0] = EncodedValueMarker | 2;
            BinaryPrimitives.WriteInt32LittleEndian(target[1..], (int)value);
            _length += 5;
        }
        else
        {
            return false;
        }
        return true;
    }

    // Compresses straight into the buffer after room for the largest header, then moves the result back once the
    // header's size is known.
    private bool TryWriteCompressed(ReadOnlySpan<byte> value)
    {
        const int maxHeader = 1 + MaxLengthSize + MaxLengthSize;
        var target = Reserve(maxHeader + value.Length - 4);
        var compressedLength = Lzf.Compress(value, target.Slice(maxHeader, value.Length - 4));
        if (compressedLength == 0) return false;

        target[0] = EncodedLzf;
        var header = 1;
        header += WriteLength(target[header..], (ulong)compressedLength);
        header += WriteLength(target[header..], (ulong)value.Length);
        target.Slice(maxHeader, compressedLength).CopyTo(target[header..]);
        _length += header + compressedLength;
        return true;
    }

    private static int WriteLength(Span<byte> target, ulong length)
    {
        if (length < 1 << 6)
        {
            target[0] = (byte)length;
            return 1;
        }
        if (length < 1 << 14)
        {
            target[0] = (byte)(0x40 | (length >> 8));
            target[1] = (byte)length;
            return 2;
        }
        if (length <= uint.MaxValue)
        {
            target[0] = 0x80;
            BinaryPrimitives.WriteUInt32BigEndian(target[1..], (uint)length);
            return 5;
        }
        target[0] = 0x81;
        BinaryPrimitives.WriteUInt64BigEndian(target[1..], length);
        return 9;
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max((long)_length + count, 2L * _buffer.Length)));
            _buffer.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }
        return _buffer.AsSpan(_length, count);
    }
}
