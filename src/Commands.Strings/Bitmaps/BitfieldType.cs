using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings.Bitmaps;

/// <summary>
/// A BITFIELD integer type: i1 to i64, or u1 to u63 (a u64 could not be answered as Redis's signed 64-bit integer).
/// Fields are big-endian bit strings at any bit offset, bit 0 being the most significant bit of the first byte.
/// </summary>
internal readonly record struct BitfieldType(bool Signed, int Bits)
{
    public const string Invalid = "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";

    public Int128 Min => Signed ? -(Int128.One << (Bits - 1)) : 0;

    public Int128 Max => (Int128.One << (Signed ? Bits - 1 : Bits)) - 1;

    public static BitfieldType Parse(ReadOnlySpan<byte> arg)
    {
        bool signed = arg.Length > 0 && arg[0] == (byte)'i';
        if (arg.Length == 0 || (!signed && arg[0] != (byte)'u')
            || !RedisNumbers.TryParseInt64(arg[1..], out var bits) || bits < 1 || bits > (signed ? 64 : 63))
            throw new RedisException(Invalid);
        return new(signed, (int)bits);
    }

    /// <summary>The field that starts <paramref name="shift"/> bits into <paramref name="bytes"/>, the bytes it covers.</summary>
    public long Read(ReadOnlySpan<byte> bytes, int shift)
    {
        ulong raw = (ulong)((Load(bytes) >> TrailingBits(bytes, shift)) & Mask);
        // Sign-extend a negative signed field.
        if (Signed && Bits < 64 && (raw >> (Bits - 1)) != 0) raw |= ulong.MaxValue << Bits;
        return (long)raw;
    }

    /// <summary>Stores the low <see cref="Bits"/> bits of <paramref name="value"/> in the field; the other bits stay.</summary>
    public void Write(Span<byte> bytes, int shift, long value)
    {
        int trailing = TrailingBits(bytes, shift);
        var window = (Load(bytes) & ~(Mask << trailing)) | (((UInt128)(ulong)value & Mask) << trailing);
        for (int i = bytes.Length - 1; i >= 0; i--, window >>= 8) bytes[i] = (byte)window;
    }

    /// <summary>
    /// What the field stores for <paramref name="value"/> under <paramref name="overflow"/>: the value itself when it
    /// fits, else its low bits (WRAP), the nearest limit (SAT), or null (FAIL).
    /// </summary>
    public long? Fit(Int128 value, BitfieldOverflow overflow)
    {
        if (value >= Min && value <= Max) return (long)value;
        return overflow switch
        {
            BitfieldOverflow.Fail => null,
            BitfieldOverflow.Sat => (long)(value > Max ? Max : Min),
            _ => (long)Wrap(value),
        };
    }

    private Int128 Wrap(Int128 value)
    {
        var low = value & ((Int128.One << Bits) - 1);
        return Signed && low > Max ? low - (Int128.One << Bits) : low;
    }

    private UInt128 Mask => (UInt128.One << Bits) - 1;

    /// <summary>The bits of <paramref name="bytes"/> after the field.</summary>
    private int TrailingBits(ReadOnlySpan<byte> bytes, int shift) => bytes.Length * 8 - shift - Bits;

    private static UInt128 Load(ReadOnlySpan<byte> bytes)
    {
        UInt128 window = 0;
        foreach (byte b in bytes) window = (window << 8) | b;
        return window;
    }
}
