using System.Buffers;
using System.Buffers.Binary;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// Builds a listpack as Redis 7.0's lpAppend / lpAppendInteger do (listpack.c), into a pooled buffer: a 6-byte header
/// (total bytes, element count), the entries, and 0xFF. Each entry is its encoding, its data, and its own size
/// backwards (the "backlen") so the list can be walked from the end.
/// </summary>
internal sealed class ListpackWriter : IDisposable
{
    public const int HeaderSize = 6;
    private const int MaxCount = ushort.MaxValue; // "unknown": the count must be found by walking

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256);
    private int _length = HeaderSize;
    private int _count;

    /// <summary>
    /// The bytes an entry for <paramref name="value"/> takes, backlen included: what lpAppend would add.
    /// </summary>
    public static int EntrySize(ReadOnlySpan<byte> value)
    {
        var encoded = CanonicalInteger.TryParse(value, out var integer) ? IntegerSize(integer) : StringHeaderSize(value.Length) + value.Length;
        return encoded + BacklenSize(encoded);
    }

    /// <summary>lpAppend: a string, stored as an integer when it is a canonical one.</summary>
    public void Append(ReadOnlySpan<byte> value)
    {
        if (CanonicalInteger.TryParse(value, out var integer))
        {
            AppendInteger(integer);
            return;
        }
        var header = StringHeaderSize(value.Length);
        var target = Reserve(header + value.Length + BacklenSize(header + value.Length));
        if (value.Length < 64)
        {
            target[0] = (byte)(0x80 | value.Length);
        }
        else if (value.Length < 4096)
        {
            target[0] = (byte)(0xE0 | (value.Length >> 8));
            target[1] = (byte)value.Length;
        }
        else
        {
            target[0] = 0xF0;
            BinaryPrimitives.WriteUInt32LittleEndian(target[1..], (uint)value.Length);
        }
        value.CopyTo(target[header..]);
        Commit(target, header + value.Length);
    }

    /// <summary>lpAppendInteger: the smallest of the 7, 13, 16, 24, 32 and 64-bit integer encodings.</summary>
    public void AppendInteger(long value)
    {
        var size = IntegerSize(value);
        var target = Reserve(size + BacklenSize(size));
        switch (size)
        {
            case 1:
                target[0] = (byte)value;
                break;
            case 2:
                var thirteen = value < 0 ? (1 << 13) + value : value;
                target[0] = (byte)(0xC0 | (thirteen >> 8));
                target[1] = (byte)thirteen;
                break;
            case 3:
                target[0] = 0xF1;
                BinaryPrimitives.WriteInt16LittleEndian(target[1..], (short)value);
                break;
            case 4:
                target[0] = 0xF2;
                target[1] = (byte)value;
                target[2] = (byte)(value >> 8);
                target[3] = (byte)(value >> 16);
                break;
            case 5:
                target[0] = 0xF3;
                BinaryPrimitives.WriteInt32LittleEndian(target[1..], (int)value);
                break;
            default:
                target[0] = 0xF4;
                BinaryPrimitives.WriteInt64LittleEndian(target[1..], value);
                break;
        }
        Commit(target, size);
    }

    /// <summary>The finished listpack (valid until the next append or disposal).</summary>
    public ReadOnlySpan<byte> Finish()
    {
        Reserve(1)[0] = 0xFF;
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer, (uint)(_length + 1));
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(4), (ushort)Math.Min(_count, MaxCount));
        return _buffer.AsSpan(0, _length + 1);
    }

    /// <summary>Empties the listpack for reuse (the next quicklist node).</summary>
    public void Clear()
    {
        _length = HeaderSize;
        _count = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private static int IntegerSize(long value) => value switch
    {
        >= 0 and <= 127 => 1,
        >= -4096 and <= 4095 => 2,
        >= short.MinValue and <= short.MaxValue => 3,
        >= -8388608 and <= 8388607 => 4,
        >= int.MinValue and <= int.MaxValue => 5,
        _ => 9,
    };

    private static int StringHeaderSize(int length) => length < 64 ? 1 : length < 4096 ? 2 : 5;

    // lpEncodeBacklen's thresholds, including its quirk of giving 16383 three bytes. The reader trusts a backlen only of
    // exactly that many bytes' room (its value is read backwards and may end earlier, as lpDecodeBacklen allows).
    internal static int BacklenSize(long size) => size switch
    {
        <= 127 => 1,
        < 16383 => 2,
        < 2097151 => 3,
        < 268435455 => 4,
        _ => 5,
    };

    // Writes the backlen after an entry of `size` bytes at the start of `target`, and counts the entry.
    private void Commit(Span<byte> target, int size)
    {
        var backlen = BacklenSize(size);
        var tail = target.Slice(size, backlen);
        // The first byte holds the highest 7 bits; every byte but the first has bit 7 set (it is read backwards).
        for (var k = 0; k < backlen; k++)
        {
            var shift = 7 * (backlen - 1 - k);
            tail[k] = (byte)(((size >> shift) & 127) | (k == 0 ? 0 : 128));
        }
        _length += size + backlen;
        _count++;
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_length + count, 2 * _buffer.Length));
            _buffer.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }
        return _buffer.AsSpan(_length, count);
    }
}
