using System.Numerics;
using System.Runtime.InteropServices;

namespace RedisOnMySql.Commands.Strings.Bitmaps;

/// <summary>
/// BITCOUNT's count of the set bits of a <see cref="BitRange"/>, fed its bytes (<see cref="BitRange.FirstByte"/> to
/// <see cref="BitRange.EndByte"/>) in consecutive pieces of any size.
/// </summary>
internal sealed class BitCounter(BitRange range)
{
    private long _nextByte = range.FirstByte;

    public long Count { get; private set; }

    public void Add(ReadOnlySpan<byte> piece)
    {
        long start = _nextByte;
        _nextByte += piece.Length;
        Count += PopCount(piece) - BitsOutsideRange(piece, start, range.FirstByte);
        if (range.LastByte != range.FirstByte) Count -= BitsOutsideRange(piece, start, range.LastByte);
    }

    public static long PopCount(ReadOnlySpan<byte> bytes)
    {
        long count = 0;
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (ulong word in words) count += BitOperations.PopCount(word);
        foreach (byte b in bytes[(words.Length * sizeof(ulong))..]) count += BitOperations.PopCount(b);
        return count;
    }

    /// <summary>The set bits of byte <paramref name="index"/> that the range leaves out, if the piece holds that byte.</summary>
    private long BitsOutsideRange(ReadOnlySpan<byte> piece, long pieceStart, long index) =>
        index >= pieceStart && index < pieceStart + piece.Length
            ? BitOperations.PopCount((uint)(piece[(int)(index - pieceStart)] & ~range.MaskOf(index) & 0xFF))
            : 0;
}
