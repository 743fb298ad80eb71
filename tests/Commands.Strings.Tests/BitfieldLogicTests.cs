using System.Text;
using RedisOnMySql.Commands.Strings.Bitmaps;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings.Tests;

/// <summary>BITFIELD's logic without storage: types, field reads and writes at any bit offset, overflow, parsing, windows.</summary>
public class BitfieldLogicTests
{
    [Theory]
    [InlineData("i1", true, 1)]
    [InlineData("i64", true, 64)]
    [InlineData("u1", false, 1)]
    [InlineData("u63", false, 63)]
    public void Types_are_i1_to_i64_and_u1_to_u63(string arg, bool signed, int bits) =>
        Assert.Equal(new BitfieldType(signed, bits), BitfieldType.Parse(Encoding.ASCII.GetBytes(arg)));

    [Theory]
    [InlineData("u64")]
    [InlineData("i65")]
    [InlineData("u0")]
    [InlineData("I8")]
    [InlineData("i")]
    [InlineData("")]
    [InlineData("u+8")]
    public void Other_types_are_refused(string arg) =>
        Assert.Equal(BitfieldType.Invalid, Assert.Throws<RedisException>(() => BitfieldType.Parse(Encoding.ASCII.GetBytes(arg))).Message);

    [Fact]
    public void Reads_and_writes_match_bit_by_bit_at_every_offset_and_width()
    {
        var random = new Random(5);
        foreach (bool signed in new[] { false, true })
        for (int bits = 1; bits <= (signed ? 64 : 63); bits++)
        for (int shift = 0; shift < 8; shift++)
        {
            var type = new BitfieldType(signed, bits);
            var field = new byte[(shift + bits + 7) / 8];
            random.NextBytes(field);
            var before = (byte[])field.Clone();
            long value = random.NextInt64(long.MinValue, long.MaxValue);

            Assert.Equal(ReferenceRead(field, shift, bits, signed), type.Read(field, shift));
            type.Write(field, shift, value);
            for (int i = 0; i < field.Length * 8; i++)
            {
                bool inField = i >= shift && i < shift + bits;
                bool expected = inField ? ((ulong)value >> (bits - 1 - (i - shift)) & 1) != 0 : Bit(before, i);
                Assert.True(expected == Bit(field, i), $"{type} at {shift}: bit {i}");
            }
        }
    }

    [Theory]
    [InlineData(false, 8, 300, "wrap", 44L)]
    [InlineData(false, 8, 300, "sat", 255L)]
    [InlineData(false, 8, 300, "fail", null)]
    [InlineData(false, 8, -1, "wrap", 255L)]
    [InlineData(false, 8, -1, "sat", 0L)]
    [InlineData(true, 8, 200, "wrap", -56L)]
    [InlineData(true, 8, 200, "sat", 127L)]
    [InlineData(true, 8, -200, "sat", -128L)]
    [InlineData(true, 8, -129, "wrap", 127L)]
    [InlineData(true, 8, -128, "fail", -128L)]
    [InlineData(true, 1, 1, "wrap", -1L)]
    public void Fit_wraps_saturates_or_fails(bool signed, int bits, long value, string overflow, long? expected) =>
        Assert.Equal(expected, new BitfieldType(signed, bits).Fit(value, Enum.Parse<BitfieldOverflow>(overflow, ignoreCase: true)));

    [Fact]
    public void Sixty_four_bit_sums_overflow_like_redis()
    {
        var i64 = new BitfieldType(true, 64);
        Assert.Equal(long.MinValue, i64.Fit((Int128)long.MaxValue + 1, BitfieldOverflow.Wrap));
        Assert.Equal(long.MaxValue, i64.Fit((Int128)long.MaxValue + 1, BitfieldOverflow.Sat));
        Assert.Equal(long.MinValue, i64.Fit((Int128)long.MinValue + long.MinValue, BitfieldOverflow.Sat));
        Assert.Null(i64.Fit((Int128)long.MinValue - 1, BitfieldOverflow.Fail));
        var u63 = new BitfieldType(false, 63);
        Assert.Equal(0, u63.Fit((Int128)long.MaxValue + 1, BitfieldOverflow.Wrap));
        Assert.Equal(long.MaxValue, u63.Fit((Int128)ulong.MaxValue, BitfieldOverflow.Sat));
    }

    [Fact]
    public void An_unsigned_set_of_a_negative_value_saturates_at_the_maximum_as_in_redis()
    {
        var operation = new BitfieldOperation(BitfieldAction.Set, new BitfieldType(false, 8), 0, -1, BitfieldOverflow.Sat);
        var field = new byte[1];
        Assert.Equal(((long?)0, true), operation.Apply(field));
        Assert.Equal(0xFF, field[0]);
    }

    [Theory]
    [InlineData(8, -9223372036854775681, "sat", 127L)]
    [InlineData(8, -9223372036854775680, "sat", -128L)]
    [InlineData(32, long.MinValue, "sat", 2147483647L)]
    [InlineData(8, -9223372036854775681, "wrap", 127L)]
    [InlineData(63, long.MinValue, "fail", null)]
    [InlineData(64, long.MinValue, "sat", long.MinValue)]
    public void A_signed_set_far_below_the_minimum_overflows_upwards_as_in_redis(int bits, long value, string overflow, long? stored)
    {
        var type = new BitfieldType(true, bits);
        var field = new byte[8];
        var (reply, _) = new BitfieldOperation(BitfieldAction.Set, type, 0, value, Enum.Parse<BitfieldOverflow>(overflow, ignoreCase: true)).Apply(field);
        if (stored is null) Assert.Null(reply);
        Assert.Equal(stored ?? 0, type.Read(field, 0));
    }

    [Fact]
    public void Apply_answers_old_values_for_set_new_ones_for_incrby_and_null_when_fail_refuses()
    {
        var u4 = new BitfieldType(false, 4);
        var field = new byte[] { 0x5A };
        Assert.Equal(((long?)0xA, false), new BitfieldOperation(BitfieldAction.Get, u4, 4, 0, BitfieldOverflow.Wrap).Apply(field));
        Assert.Equal(((long?)0xA, true), new BitfieldOperation(BitfieldAction.Set, u4, 4, 3, BitfieldOverflow.Wrap).Apply(field));
        Assert.Equal(((long?)5, true), new BitfieldOperation(BitfieldAction.IncrBy, u4, 4, 2, BitfieldOverflow.Wrap).Apply(field));
        Assert.Equal(((long?)null, false), new BitfieldOperation(BitfieldAction.IncrBy, u4, 4, 11, BitfieldOverflow.Fail).Apply(field));
        Assert.Equal(((long?)5, false), new BitfieldOperation(BitfieldAction.Set, u4, 4, 5, BitfieldOverflow.Fail).Apply(field));
        Assert.Equal(0x55, field[0]);
    }

    [Fact]
    public void Parsing_keeps_each_overflow_with_the_operations_after_it()
    {
        var operations = BitfieldOperation.ParseAll(Args("BITFIELD k get u8 #2 OVERFLOW sat incrby i5 100 -3 overflow FAIL SET u1 7 1"), 2);
        Assert.Equal(
        [
            new BitfieldOperation(BitfieldAction.Get, new BitfieldType(false, 8), 16, 0, BitfieldOverflow.Wrap),
            new BitfieldOperation(BitfieldAction.IncrBy, new BitfieldType(true, 5), 100, -3, BitfieldOverflow.Sat),
            new BitfieldOperation(BitfieldAction.Set, new BitfieldType(false, 1), 7, 1, BitfieldOverflow.Fail),
        ], operations);
        Assert.Empty(BitfieldOperation.ParseAll(Args("BITFIELD k OVERFLOW WRAP"), 2));
    }

    [Theory]
    [InlineData("GET u8", RedisErrors.Syntax)]
    [InlineData("SET u8 0", RedisErrors.Syntax)]
    [InlineData("OVERFLOW", RedisErrors.Syntax)]
    [InlineData("OVERFLOW bad", "ERR Invalid OVERFLOW type specified")]
    [InlineData("GET u64 0", BitfieldType.Invalid)]
    [InlineData("GET u8 -1", BitOffset.Invalid)]
    [InlineData("GET u8 #536870912", BitOffset.Invalid)]
    [InlineData("SET u8 0 x", RedisErrors.NotInteger)]
    [InlineData("GET u8 0 SET u64 x 1", BitfieldType.Invalid)]
    [InlineData("SET u8 x 1 GET u64 0", BitOffset.Invalid)]
    public void Parsing_reports_redis_errors_in_order(string arguments, string error) =>
        Assert.Equal(error, Assert.Throws<RedisException>(() => BitfieldOperation.ParseAll(Args("BITFIELD k " + arguments), 2)).Message);

    [Fact]
    public void Field_offsets_wrap_like_redis_before_the_range_check()
    {
        // 2^58 + 1 fields of 64 bits wrap around to bit 64 in Redis's 64-bit arithmetic.
        Assert.Equal(64, BitOffset.Parse("#288230376151711745"u8, 64));
        Assert.Equal(BitOffset.Invalid, Assert.Throws<RedisException>(() => BitOffset.Parse("#9223372036854775807"u8, 8)).Message);
    }

    [Fact]
    public void Windows_merge_ranges_that_overlap_or_meet_and_slice_the_right_one()
    {
        var bytes = SparseBytes.Covering([(10, 12), (0, 1), (13, 13), (2, 2), (40, 48), (11, 11), (100, 100)]);
        Assert.Equal([(0L, 3), (10L, 4), (40L, 9), (100L, 1)], bytes.Windows.Select(w => (w.Start, w.Bytes.Length)));
        bytes.Windows[1].Load([1, 2]);
        Assert.Equal(new byte[] { 2, 0 }, bytes.Slice(11, 12).ToArray());
        Assert.False(bytes.Windows[1].Changed(4));
        bytes.Slice(13, 13)[0] = 9;
        Assert.True(bytes.Windows[1].Changed(4));
        Assert.False(bytes.Windows[1].Changed(3));
        Assert.Equal(new byte[1], bytes.Slice(100, 100).ToArray());
        Assert.Empty(SparseBytes.Covering([]).Windows);
    }

    private static byte[][] Args(string line) => line.Split(' ').Select(Encoding.ASCII.GetBytes).ToArray();

    private static bool Bit(byte[] bytes, int position) => (bytes[position >> 3] & (0x80 >> (position & 7))) != 0;

    private static long ReferenceRead(byte[] bytes, int shift, int bits, bool signed)
    {
        ulong value = 0;
        for (int i = 0; i < bits; i++) value = (value << 1) | (Bit(bytes, shift + i) ? 1UL : 0);
        if (signed && bits < 64 && (value >> (bits - 1)) != 0) value |= ulong.MaxValue << bits;
        return (long)value;
    }
}
