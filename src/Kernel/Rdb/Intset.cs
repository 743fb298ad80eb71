using System.Buffers.Binary;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// The intset (intset.c), Redis's encoding of a small set of integers: a 4-byte element width (2, 4 or 8), a 4-byte
/// count, then the values sorted ascending, all little endian.
/// </summary>
internal static class Intset
{
    private const int HeaderSize = 8;

    /// <summary>The intset of <paramref name="sortedValues"/> (ascending, distinct), in the narrowest width.</summary>
    public static byte[] Build(ReadOnlySpan<long> sortedValues)
    {
        var width = 2;
        if (sortedValues.Length > 0)
        {
            var low = sortedValues[0];
            var high = sortedValues[^1];
            if (low < int.MinValue || high > int.MaxValue) width = 8;
            else if (low < short.MinValue || high > short.MaxValue) width = 4;
        }

        var intset = new byte[HeaderSize + width * sortedValues.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(intset, (uint)width);
        BinaryPrimitives.WriteUInt32LittleEndian(intset.AsSpan(4), (uint)sortedValues.Length);
        var target = intset.AsSpan(HeaderSize);
        for (var i = 0; i < sortedValues.Length; i++)
        {
            var slot = target.Slice(i * width, width);
            switch (width)
            {
                case 2: BinaryPrimitives.WriteInt16LittleEndian(slot, (short)sortedValues[i]); break;
                case 4: BinaryPrimitives.WriteInt32LittleEndian(slot, (int)sortedValues[i]); break;
                default: BinaryPrimitives.WriteInt64LittleEndian(slot, sortedValues[i]); break;
            }
        }
        return intset;
    }

    /// <summary>
    /// The members of an intset from a payload, as decimal text, checked as intsetValidateIntegrity does with deep
    /// validation: a known width, a size matching the count, not empty, strictly ascending (so no duplicates).
    /// </summary>
    public static byte[][] Read(ReadOnlySpan<byte> intset)
    {
        if (intset.Length < HeaderSize) throw Corrupt();
        var width = BinaryPrimitives.ReadUInt32LittleEndian(intset);
        if (width is not (2 or 4 or 8)) throw Corrupt();
        var count = BinaryPrimitives.ReadUInt32LittleEndian(intset[4..]);
        if (HeaderSize + (ulong)count * width != (ulong)intset.Length || count == 0) throw Corrupt();

        var members = new byte[count][];
        var values = intset[HeaderSize..];
        long previous = 0;
        for (var i = 0; i < members.Length; i++)
        {
            var slot = values.Slice(i * (int)width, (int)width);
            long value = width switch
            {
                2 => BinaryPrimitives.ReadInt16LittleEndian(slot),
                4 => BinaryPrimitives.ReadInt32LittleEndian(slot),
                _ => BinaryPrimitives.ReadInt64LittleEndian(slot),
            };
            if (i > 0 && value <= previous) throw Corrupt();
            previous = value;
            members[i] = CanonicalInteger.Format(value);
        }
        return members;
    }

    private static RdbFormatException Corrupt() => new("Intset integrity check failed.");
}
