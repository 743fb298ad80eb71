using RedisOnMySql.Commands.Strings.Bitmaps;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings.Tests;

/// <summary>
/// The bitmap logic without storage: range resolution, counting and searching over pieces of every size (as a chunked
/// value is scanned), and BITOP's operators over windows, each checked against a bit-by-bit reference.
/// </summary>
public class BitmapLogicTests
{
    private static readonly int[] PieceSizes = [1, 3, 7, int.MaxValue];

    public static TheoryData<string> Values() =>
    [
        "00", "ff", "0f", "f0", "00ff00", "ffffff", "000000", "6c8f01ff00", "ffffffffffffffffff7f", "00000000000000000080",
        "66 6f 6f 62 61 72", "ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff", "a5 5a 00 ff 81 7e 01 80 c3 3c 11 22",
    ];

    [Theory]
    [InlineData(0, -1, "byte", 6, 0, 47)]
    [InlineData(1, 1, "byte", 6, 8, 15)]
    [InlineData(-2, -1, "byte", 6, 32, 47)]
    [InlineData(-100, 100, "byte", 6, 0, 47)]
    [InlineData(5, 30, "bit", 6, 5, 30)]
    [InlineData(-1, -1, "bit", 6, 47, 47)]
    [InlineData(40, 1000, "bit", 6, 40, 47)]
    [InlineData(long.MinValue, long.MaxValue, "byte", 6, 0, 47)]
    public void Resolve_follows_redis_index_rules(long start, long end, string unit, long length, long first, long last) =>
        Assert.Equal(new BitRange(first, last), BitRange.Resolve(start, end, Unit(unit), length));

    [Theory]
    [InlineData(3, 1, "byte", 6)]
    [InlineData(6, 10, "byte", 6)]
    [InlineData(48, 48, "bit", 6)]
    [InlineData(0, -1, "byte", 0)]
    [InlineData(0, -1, "bit", 0)]
    [InlineData(long.MaxValue, long.MaxValue, "bit", 6)]
    public void Resolve_gives_an_empty_range(long start, long end, string unit, long length) =>
        Assert.True(BitRange.Resolve(start, end, Unit(unit), length).IsEmpty);

    [Fact]
    public void Unit_is_byte_or_bit_in_any_case()
    {
        Assert.Equal(BitUnit.Bit, BitRange.ParseUnit("bIt"u8));
        Assert.Equal(BitUnit.Byte, BitRange.ParseUnit("BYTE"u8));
        Assert.Equal(RedisErrors.Syntax, Assert.Throws<RedisException>(() => BitRange.ParseUnit("bits"u8)).Message);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Counting_in_pieces_of_any_size_matches_the_bits_of_every_range(string hex)
    {
        var value = Bytes(hex);
        foreach (var range in AllRanges(value.Length))
        foreach (int size in PieceSizes)
        {
            var counter = new BitCounter(range);
            foreach (var piece in Pieces(value, range, size)) counter.Add(piece);
            Assert.True(ReferenceCount(value, range) == counter.Count, $"{hex} {range} in pieces of {size}");
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Searching_in_pieces_of_any_size_finds_the_first_matching_bit_of_every_range(string hex)
    {
        var value = Bytes(hex);
        foreach (var range in AllRanges(value.Length))
        foreach (int bit in new[] { 0, 1 })
        foreach (bool endGiven in new[] { false, true })
        foreach (int size in PieceSizes)
        {
            var finder = new BitPositionFinder(range, bit);
            foreach (var piece in Pieces(value, range, size))
                if (finder.Search(piece)) break;
            Assert.True(ReferencePosition(value, range, bit, endGiven) == finder.Position(endGiven),
                $"{hex} {range} bit {bit} end given {endGiven} in pieces of {size}");
        }
    }

    [Fact]
    public void Search_stops_asking_for_pieces_once_found()
    {
        var finder = new BitPositionFinder(new BitRange(0, 8 * 4 - 1), 1);
        Assert.False(finder.Search([0, 0]));
        Assert.True(finder.Search([0x10, 0]));
        Assert.Equal(19, finder.Position(endGiven: false));
    }

    [Fact]
    public void Popcount_counts_words_and_the_tail()
    {
        var bytes = Enumerable.Range(0, 77).Select(i => (byte)(i * 37)).ToArray();
        Assert.Equal(bytes.Sum(b => System.Numerics.BitOperations.PopCount(b)), BitCounter.PopCount(bytes));
    }

    [Theory]
    [InlineData("and")]
    [InlineData("OR")]
    [InlineData("Xor")]
    [InlineData("not")]
    public void Operators_over_windows_of_any_size_match_byte_by_byte(string name)
    {
        var op = BitwiseOperator.Parse(System.Text.Encoding.ASCII.GetBytes(name));
        var random = new Random(11);
        byte[][] sources = op == BitwiseOperator.Not
            ? [RandomBytes(random, 70)]
            : [RandomBytes(random, 70), RandomBytes(random, 3), [], RandomBytes(random, 69), Enumerable.Repeat((byte)0xFF, 40).ToArray()];
        int length = sources.Max(s => s.Length);
        var expected = new byte[length];
        for (int i = 0; i < length; i++)
        {
            int result = At(sources[0], i);
            foreach (var source in sources.Skip(1))
                result = name.ToLowerInvariant() switch { "and" => result & At(source, i), "or" => result | At(source, i), _ => result ^ At(source, i) };
            expected[i] = (byte)(op == BitwiseOperator.Not ? ~result : result);
        }

        foreach (int size in new[] { 1, 3, 7, 64, length })
        {
            var result = new byte[length];
            for (int offset = 0; offset < length; offset += size)
            {
                var window = result.AsSpan(offset, Math.Min(size, length - offset));
                for (int i = 0; i < sources.Length; i++)
                {
                    var bytes = sources[i].AsSpan(Math.Min(offset, sources[i].Length));
                    bytes = bytes[..Math.Min(bytes.Length, window.Length)];
                    if (i == 0) op.Start(window, bytes);
                    else op.Combine(window, bytes);
                }
            }
            Assert.Equal(expected, result);
        }
    }

    [Fact]
    public void Unknown_operator_is_a_syntax_error() =>
        Assert.Equal(RedisErrors.Syntax, Assert.Throws<RedisException>(() => BitwiseOperator.Parse("nand"u8)).Message);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("4294967295", 4294967295)]
    public void Offsets_go_up_to_the_last_bit_of_512_megabytes(string arg, long expected) =>
        Assert.Equal(expected, BitOffset.Parse(System.Text.Encoding.ASCII.GetBytes(arg)));

    [Theory]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("#1")]
    [InlineData("01")]
    public void Offsets_out_of_range_are_refused(string arg) =>
        Assert.Equal(BitOffset.Invalid, Assert.Throws<RedisException>(() => BitOffset.Parse(System.Text.Encoding.ASCII.GetBytes(arg))).Message);

    private static BitUnit Unit(string name) => BitRange.ParseUnit(System.Text.Encoding.ASCII.GetBytes(name));

    private static int At(byte[] source, int index) => index < source.Length ? source[index] : 0;

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    private static IEnumerable<BitRange> AllRanges(int length)
    {
        for (long first = 0; first < length * 8; first++)
        for (long last = first; last < length * 8; last++)
            yield return new BitRange(first, last);
    }

    /// <summary>The range's bytes cut into pieces of <paramref name="size"/> bytes, as a scan could return them.</summary>
    private static IEnumerable<byte[]> Pieces(byte[] value, BitRange range, int size)
    {
        for (long at = range.FirstByte; at < range.EndByte; at += size)
            yield return value[(int)at..(int)Math.Min(range.EndByte, at + Math.Min(size, range.EndByte - at))];
    }

    private static bool BitAt(byte[] value, long position) => (value[position >> 3] & (0x80 >> (int)(position & 7))) != 0;

    private static long ReferenceCount(byte[] value, BitRange range)
    {
        long count = 0;
        for (long i = range.FirstBit; i <= range.LastBit; i++) count += BitAt(value, i) ? 1 : 0;
        return count;
    }

    private static long ReferencePosition(byte[] value, BitRange range, int bit, bool endGiven)
    {
        for (long i = range.FirstBit; i <= range.LastBit; i++)
            if (BitAt(value, i) == (bit == 1)) return i;
        return bit == 0 && !endGiven ? range.LastBit + 1 : -1;
    }
}
