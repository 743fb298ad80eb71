using System.Buffers.Binary;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// Reads a zipmap (zipmap.c), how Redis 2.4 and older stored small hashes: a count byte (254 or more: unknown), then
/// per pair "length, field, length, free, value, free bytes", then 0xFF. A length is one byte below 254, else 254 and
/// 4 bytes little endian. Checked as zipmapValidateIntegrity does (Redis always validates zipmaps deeply).
/// </summary>
internal static class ZipmapReader
{
    private const byte End = 0xFF;
    private const byte BigLength = 254;

    /// <summary>The field/value pairs, in order.</summary>
    public static List<RdbHashField> Read(ReadOnlySpan<byte> zipmap)
    {
        if (zipmap.Length < 2 || zipmap[^1] != End) throw Corrupt();
        var last = zipmap.Length - 1;
        var fields = new List<RdbHashField>();
        var p = 1;
        while (zipmap[p] != End)
        {
            var name = ReadString(zipmap, ref p, last, hasFreeByte: false);
            var value = ReadString(zipmap, ref p, last, hasFreeByte: true);
            fields.Add(new RdbHashField(name.ToArray(), value.ToArray()));
        }
        if (fields.Count == 0 || (zipmap[0] != BigLength && zipmap[0] != fields.Count)) throw Corrupt();
        return fields;
    }

    // A length, then (for values) the free byte count, then the bytes and the free bytes; every step must stay at or
    // before the final 0xFF. A 5-byte length below 254 is refused: zipmapNext would then read the entry with a 1-byte
    // length while the validation had checked it with 5, two different readings of one entry.
    private static ReadOnlySpan<byte> ReadString(ReadOnlySpan<byte> zipmap, ref int p, int last, bool hasFreeByte)
    {
        var lengthSize = zipmap[p] < BigLength ? 1 : 5;
        if (p + lengthSize > last) throw Corrupt();
        long length = lengthSize == 1 ? zipmap[p] : BinaryPrimitives.ReadUInt32LittleEndian(zipmap.Slice(p + 1, 4));
        if (lengthSize == 5 && length < BigLength) throw Corrupt();
        long position = p + lengthSize;
        long free = 0;
        if (hasFreeByte) free = zipmap[(int)position++];
        var start = position;
        position += length + free;
        if (position > last) throw Corrupt();
        p = (int)position;
        return zipmap.Slice((int)start, (int)length);
    }

    private static RdbFormatException Corrupt() => new("Zipmap integrity check failed.");
}
