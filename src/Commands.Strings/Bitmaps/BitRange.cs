using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings.Bitmaps;

/// <summary>
/// The bits BITCOUNT and BITPOS look at: positions <see cref="FirstBit"/> to <see cref="LastBit"/> inclusive, bit 0
/// being the most significant bit of the first byte. Empty when <see cref="FirstBit"/> is past <see cref="LastBit"/>.
/// </summary>
internal readonly record struct BitRange(long FirstBit, long LastBit)
{
    public static readonly BitRange Empty = new(0, -1);

    public bool IsEmpty => FirstBit > LastBit;

    public long FirstByte => FirstBit >> 3;

    public long LastByte => LastBit >> 3;

    /// <summary>The byte after the last one the range touches.</summary>
    public long EndByte => LastByte + 1;

    /// <summary>Every bit of a string of <paramref name="length"/> bytes.</summary>
    public static BitRange Whole(long length) => Resolve(0, -1, BitUnit.Byte, length);

    /// <summary>
    /// Redis's rules for start and end in <paramref name="unit"/>s of a string of <paramref name="length"/> bytes:
    /// a negative index counts from the end, both are clamped to the string, and an inverted range is empty.
    /// </summary>
    public static BitRange Resolve(long start, long end, BitUnit unit, long length)
    {
        long total = unit == BitUnit.Bit ? length * 8 : length;
        if (start < 0) start = Math.Max(total + start, 0);
        if (end < 0) end = Math.Max(total + end, 0);
        end = Math.Min(end, total - 1);
        if (start > end) return Empty;
        return unit == BitUnit.Bit ? new(start, end) : new(start * 8, end * 8 + 7);
    }

    /// <summary>BYTE or BIT, any case; anything else is a syntax error.</summary>
    public static BitUnit ParseUnit(ReadOnlySpan<byte> arg) =>
        RedisNumbers.EqualsIgnoreCase(arg, "bit") ? BitUnit.Bit
        : RedisNumbers.EqualsIgnoreCase(arg, "byte") ? BitUnit.Byte
        : throw new RedisException(RedisErrors.Syntax);

    /// <summary>The bits of byte <paramref name="index"/> that lie in the range: all of them but in the first and last byte.</summary>
    public byte MaskOf(long index)
    {
        int mask = 0xFF;
        if (index == FirstByte) mask &= 0xFF >> (int)(FirstBit & 7);
        if (index == LastByte) mask &= 0xFF << (7 - (int)(LastBit & 7));
        return (byte)mask;
    }
}
