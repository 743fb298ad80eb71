using System.Buffers.Binary;
using RedisOnMySql.Kernel.Rdb;

namespace RedisOnMySql.Kernel.Tests.Rdb;

/// <summary>
/// Hand-built payload parts, written from the format descriptions (not with the codec under test): footers, RDB
/// lengths and plain strings, and the old ziplist and zipmap structures no Redis 7.0 writes any more.
/// </summary>
internal static class RdbPayloads
{
    /// <summary>The body, the version (little endian), and the CRC64 of both.</summary>
    public static byte[] WithFooter(byte[] body, ushort version = 10)
    {
        var payload = new byte[body.Length + 10];
        body.CopyTo(payload, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(body.Length), version);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(body.Length + 2), Crc64Reference(payload.AsSpan(0, body.Length + 2)));
        return payload;
    }

    /// <summary>Bit-at-a-time CRC-64/Jones as crc64.c's _crc64 computes it (reflected).</summary>
    public static ulong Crc64Reference(ReadOnlySpan<byte> data)
    {
        ulong crc = 0;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x95AC9329AC4BC9B5 : crc >> 1;
        }
        return crc;
    }

    public static byte[] Length(ulong length) => length switch
    {
        < 64 => [(byte)length],
        < 16384 => [(byte)(0x40 | (length >> 8)), (byte)length],
        <= uint.MaxValue => [0x80, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length],
        _ => [0x81, .. BitConverter.GetBytes(BinaryPrimitives.ReverseEndianness(length))],
    };

    /// <summary>A string stored as is: its length, then its bytes.</summary>
    public static byte[] RawString(byte[] value) => [.. Length((ulong)value.Length), .. value];

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>
    /// A ziplist of strings and integers (an entry is a long for an integer entry, else a byte[]), each with the
    /// encoding Redis's ziplistPush would choose.
    /// </summary>
    public static byte[] Ziplist(params object[] entries)
    {
        var body = new List<byte>();
        var previousSize = 0;
        var lastOffset = 10;
        foreach (var entry in entries)
        {
            lastOffset = 10 + body.Count;
            var encoded = new List<byte>();
            if (previousSize < 254) encoded.Add((byte)previousSize);
            else encoded.AddRange([254, .. BitConverter.GetBytes((uint)previousSize)]);
            switch (entry)
            {
                case long v when v >= 0 && v <= 12: encoded.Add((byte)(0xF1 + v)); break;
                case long v when v >= sbyte.MinValue && v <= sbyte.MaxValue: encoded.AddRange([0xFE, (byte)v]); break;
                case long v when v >= short.MinValue && v <= short.MaxValue: encoded.AddRange([0xC0, .. BitConverter.GetBytes((short)v)]); break;
                case long v when v >= -(1 << 23) && v < (1 << 23): encoded.AddRange([0xF0, (byte)v, (byte)(v >> 8), (byte)(v >> 16)]); break;
                case long v when v >= int.MinValue && v <= int.MaxValue: encoded.AddRange([0xD0, .. BitConverter.GetBytes((int)v)]); break;
                case long v: encoded.AddRange([0xE0, .. BitConverter.GetBytes(v)]); break;
                case byte[] s when s.Length <= 0x3F: encoded.Add((byte)s.Length); encoded.AddRange(s); break;
                case byte[] s when s.Length <= 0x3FFF: encoded.AddRange([(byte)(0x40 | (s.Length >> 8)), (byte)s.Length]); encoded.AddRange(s); break;
                case byte[] s: encoded.AddRange([0x80, (byte)(s.Length >> 24), (byte)(s.Length >> 16), (byte)(s.Length >> 8), (byte)s.Length]); encoded.AddRange(s); break;
                default: throw new ArgumentException(entry.GetType().Name);
            }
            previousSize = encoded.Count;
            body.AddRange(encoded);
        }
        var ziplist = new byte[10 + body.Count + 1];
        BinaryPrimitives.WriteUInt32LittleEndian(ziplist, (uint)ziplist.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(ziplist.AsSpan(4), (uint)lastOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(ziplist.AsSpan(8), (ushort)Math.Min(entries.Length, ushort.MaxValue));
        body.CopyTo(ziplist, 10);
        ziplist[^1] = 0xFF;
        return ziplist;
    }

    /// <summary>A zipmap of field/value pairs (free bytes after each value as given, 0 by default).</summary>
    public static byte[] Zipmap(IEnumerable<(byte[] Field, byte[] Value)> pairs, byte freeBytes = 0)
    {
        var list = pairs.ToList();
        var bytes = new List<byte> { (byte)Math.Min(list.Count, 254) };
        foreach (var (field, value) in list)
        {
            bytes.AddRange(ZipmapLength(field.Length));
            bytes.AddRange(field);
            bytes.AddRange(ZipmapLength(value.Length));
            bytes.Add(freeBytes);
            bytes.AddRange(value);
            bytes.AddRange(new byte[freeBytes]);
        }
        bytes.Add(0xFF);
        return bytes.ToArray();
    }

    private static byte[] ZipmapLength(int length) => length < 254 ? [(byte)length] : [254, .. BitConverter.GetBytes(length)];

    /// <summary>A listpack of the given items, built with the codec's writer (for tests that then tamper with it).</summary>
    public static byte[] Listpack(params byte[][] items)
    {
        using var writer = new ListpackWriter();
        foreach (var item in items) writer.Append(item);
        return writer.Finish().ToArray();
    }
}
