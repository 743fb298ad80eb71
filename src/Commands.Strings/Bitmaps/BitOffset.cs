using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings.Bitmaps;

/// <summary>
/// A bit offset argument as Redis's getBitOffsetFromArgument reads it: 0 up to the last bit of a string of
/// proto-max-bulk-len (512 MB) bytes, that is 2^32-1.
/// </summary>
internal static class BitOffset
{
    public const string Invalid = "ERR bit offset is not an integer or out of range";

    /// <summary>A plain offset (SETBIT, GETBIT).</summary>
    public static long Parse(ReadOnlySpan<byte> arg) =>
        RedisNumbers.TryParseInt64(arg, out var offset) ? Checked(offset) : throw new RedisException(Invalid);

    /// <summary>A plain offset, or false where <see cref="Parse(ReadOnlySpan{byte})"/> would throw.</summary>
    public static bool TryParse(ReadOnlySpan<byte> arg, out long offset) =>
        RedisNumbers.TryParseInt64(arg, out offset) && offset >= 0 && offset >> 3 < StringLimits.MaxLength;

    /// <summary>A BITFIELD offset, where <c>#N</c> names the N-th field of <paramref name="bits"/> bits.</summary>
    public static long Parse(ReadOnlySpan<byte> arg, int bits)
    {
        bool fieldIndex = arg.Length > 0 && arg[0] == (byte)'#';
        if (!RedisNumbers.TryParseInt64(fieldIndex ? arg[1..] : arg, out var offset)) throw new RedisException(Invalid);
        // Redis multiplies in 64 bits and lets the product wrap; what it wraps to is then range-checked like any offset.
        return Checked(fieldIndex ? unchecked(offset * bits) : offset);
    }

    private static long Checked(long offset) =>
        offset < 0 || offset >> 3 >= StringLimits.MaxLength ? throw new RedisException(Invalid) : offset;
}
