using System.Buffers.Binary;
using System.Diagnostics;
using System.Reflection;
using RedisOnMySql.Kernel.Rdb;
using static RedisOnMySql.Kernel.Tests.Rdb.RdbModel;

namespace RedisOnMySql.Kernel.Tests.Rdb;

/// <summary>Encode then decode gives the value back, with the encoding Redis 7.0 would pick at each boundary.</summary>
public class DumpPayloadRoundTripTests
{
    private const byte TypeString = 0, TypeSet = 2, TypeHash = 4, TypeZSet2 = 5, TypeIntset = 11;
    private const byte TypeHashListpack = 16, TypeZSetListpack = 17, TypeQuicklist2 = 18;

    public static TheoryData<byte[]> Binary => RedisOnMySql.TestInfrastructure.BinarySamples.Bytes;

    [Theory]
    [InlineData("", "00")]
    [InlineData("0", "C000")]
    [InlineData("-1", "C0FF")]
    [InlineData("127", "C07F")]
    [InlineData("-128", "C080")]
    [InlineData("128", "C18000")]
    [InlineData("-32768", "C10080")]
    [InlineData("32768", "C200800000")]
    [InlineData("2147483647", "C2FFFFFF7F")]
    [InlineData("-2147483648", "C200000080")]
    [InlineData("2147483648", "0A32313437343833363438")]
    [InlineData("01", "023031")]
    [InlineData("+1", "022B31")]
    [InlineData("-0", "022D30")]
    [InlineData("aaaaaaaaaaaaaaaaaaaa", "146161616161616161616161616161616161616161")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaa", "C30615016161E00A00")]
    public void Strings_are_integer_encoded_raw_or_compressed_like_redis(string text, string expectedBody)
    {
        var payload = DumpPayload.Encode(Str(text));
        Assert.Equal(TypeString, payload[0]);
        Assert.Equal(expectedBody, Convert.ToHexString(payload, 1, payload.Length - 11));
        AssertRoundTrip(Str(text));
    }

    [Theory]
    [MemberData(nameof(Binary))]
    public void Binary_strings_round_trip(byte[] bytes)
    {
        AssertRoundTrip(new RdbString(bytes));
        AssertRoundTrip(new RdbList([bytes, bytes]));
        AssertRoundTrip(new RdbSet([bytes]));
        AssertRoundTrip(new RdbSortedSet([new RdbSortedSetEntry(bytes, 1.5)]));
        AssertRoundTrip(new RdbHash([new RdbHashField(bytes, bytes)]));
    }

    [Fact]
    public void Big_strings_round_trip_compressed_or_not()
    {
        var random = new Random(1);
        var noise = new byte[1 << 20];
        random.NextBytes(noise);
        AssertRoundTrip(new RdbString(noise));
        var text = B(string.Concat(Enumerable.Range(0, 50_000).Select(i => $"item:{i % 97};")));
        var payload = DumpPayload.Encode(new RdbString(text));
        Assert.True(payload.Length < text.Length / 3);
        AssertRoundTrip(new RdbString(text));
        AssertRoundTrip(new RdbString(text), new RdbEncodingOptions { RdbCompression = false });
        Assert.True(DumpPayload.Encode(new RdbString(text), new RdbEncodingOptions { RdbCompression = false }).Length > text.Length);
    }

    [Fact]
    public void Lists_split_into_8KB_listpack_nodes()
    {
        var items = Enumerable.Range(0, 5000).Select(i => (i % 3) switch
        {
            0 => B(i.ToString()),
            1 => B("-" + (long.MaxValue - i)),
            _ => B("item-" + i),
        }).ToList();
        items.Add(new byte[10_000]);
        items.Add([]);
        items.Add(B("tail"));
        var list = new RdbList(items);
        var payload = DumpPayload.Encode(list);
        Assert.Equal(TypeQuicklist2, payload[0]);
        AssertRoundTrip(list);
        AssertRoundTrip(list, new RdbEncodingOptions { ListMaxListpackSize = 5 });
        AssertRoundTrip(list, new RdbEncodingOptions { ListMaxListpackSize = -5 });
        AssertRoundTrip(list, new RdbEncodingOptions { ListMaxListpackSize = 0 });
    }

    [Theory]
    [InlineData(-2, 3, 1)] // three small items share one node
    [InlineData(2, 5, 3)] // at most two per node
    [InlineData(0, 3, 3)] // a fill of 0 gives every item its own node
    public void List_fill_decides_the_node_count(int fill, int items, int nodes)
    {
        var payload = DumpPayload.Encode(new RdbList(Enumerable.Range(0, items).Select(i => B("v" + i))),
            new RdbEncodingOptions { ListMaxListpackSize = fill });
        Assert.Equal(nodes, payload[1]);
    }

    [Fact]
    public void List_nodes_stop_at_8KB()
    {
        // A 1000-byte item takes 1004 bytes in a listpack (2 of header, 2 of backlen); a node of k items takes
        // 7 + 1004k bytes and takes one more while that + 1000 + 8 <= 8192: 8 items per node.
        var payload = DumpPayload.Encode(new RdbList(Enumerable.Range(0, 16).Select(_ => new byte[1000])));
        Assert.Equal(2, payload[1]);
        Assert.True(DumpPayload.TryDecode(payload, out var value, out _));
        Assert.Equal(16, ((RdbList)value).Items.Count);
    }

    [Theory]
    [InlineData(512, TypeIntset)]
    [InlineData(513, TypeSet)]
    public void Integer_sets_are_intsets_up_to_512_members(int count, byte expectedType)
    {
        var set = new RdbSet(Enumerable.Range(0, count).Select(i => B((i * 7919 - 100_000).ToString())));
        Assert.Equal(expectedType, DumpPayload.Encode(set)[0]);
        AssertRoundTrip(set);
    }

    [Theory]
    [InlineData("1,2,-3", 2)]
    [InlineData("1,-32769", 4)]
    [InlineData("1,2147483648", 8)]
    [InlineData("-9223372036854775808,9223372036854775807", 8)]
    public void Intsets_take_the_narrowest_width(string members, int width)
    {
        var payload = DumpPayload.Encode(Set(members.Split(',')), new RdbEncodingOptions { RdbCompression = false });
        Assert.Equal(TypeIntset, payload[0]);
        // The intset blob follows its RDB string length (one byte here): its first 4 bytes are the width.
        Assert.Equal(width, BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(2)));
        AssertRoundTrip(Set(members.Split(',')));
    }

    [Theory]
    [InlineData("1,a")]
    [InlineData("1,-0")]
    [InlineData("1,01")]
    [InlineData("1,9223372036854775808")]
    public void Sets_with_a_non_canonical_integer_are_hash_tables(string members)
    {
        Assert.Equal(TypeSet, DumpPayload.Encode(Set(members.Split(',')))[0]);
        AssertRoundTrip(Set(members.Split(',')));
    }

    [Theory]
    [InlineData(128, 64, TypeZSetListpack)]
    [InlineData(129, 64, TypeZSet2)]
    [InlineData(128, 65, TypeZSet2)]
    public void Sorted_sets_are_listpacks_up_to_128_members_of_64_bytes(int count, int memberLength, byte expectedType)
    {
        var zset = new RdbSortedSet(Enumerable.Range(0, count).Select(i =>
            new RdbSortedSetEntry(B(i.ToString().PadLeft(memberLength, 'm')), (i % 5) * 1.25 - 2)));
        Assert.Equal(expectedType, DumpPayload.Encode(zset)[0]);
        AssertRoundTrip(zset);
    }

    [Fact]
    public void Scores_keep_their_value_in_both_encodings()
    {
        var scores = new[]
        {
            double.PositiveInfinity, double.NegativeInfinity, 0.0, 1.0, -1.0, 0.1, 1e300, -1e-300, 4.9e-324,
            4611686018427387904.0, 4611686018427388928.0, 9.2233720368547758e18, 123456789.125, -7.0,
        };
        var zset = new RdbSortedSet(scores.Select((s, i) => new RdbSortedSetEntry(B("m" + i), s)));
        AssertRoundTrip(zset);
        AssertRoundTrip(zset, new RdbEncodingOptions { ZSetMaxListpackEntries = 0 });
    }

    [Fact]
    public void Negative_zero_survives_the_skiplist_encoding_and_is_0_in_a_listpack_as_in_redis()
    {
        var zset = ZSet(("a", -0.0));
        Assert.True(DumpPayload.TryDecode(DumpPayload.Encode(zset, new RdbEncodingOptions { ZSetMaxListpackEntries = 0 }), out var big, out _));
        Assert.True(double.IsNegative(((RdbSortedSet)big).Entries[0].Score));
        Assert.True(DumpPayload.TryDecode(DumpPayload.Encode(zset), out var small, out _));
        Assert.False(double.IsNegative(((RdbSortedSet)small).Entries[0].Score));
    }

    [Fact]
    public void Sorted_sets_are_written_by_score_then_member()
    {
        var zset = ZSet(("b", 1), ("a", 1), ("c", 0), ("", 1), ("ab", 1));
        Assert.True(DumpPayload.TryDecode(DumpPayload.Encode(zset), out var small, out _));
        Assert.Equal(["c", "", "a", "ab", "b"], ((RdbSortedSet)small).Entries.Select(e => System.Text.Encoding.UTF8.GetString(e.Member)));
        Assert.True(DumpPayload.TryDecode(DumpPayload.Encode(zset, new RdbEncodingOptions { ZSetMaxListpackEntries = 1 }), out var big, out _));
        Assert.Equal(["b", "ab", "a", "", "c"], ((RdbSortedSet)big).Entries.Select(e => System.Text.Encoding.UTF8.GetString(e.Member)));
    }

    [Theory]
    [InlineData(512, 64, 64, TypeHashListpack)]
    [InlineData(513, 64, 64, TypeHash)]
    [InlineData(10, 65, 1, TypeHash)]
    [InlineData(10, 1, 65, TypeHash)]
    public void Hashes_are_listpacks_up_to_512_fields_of_64_bytes(int count, int nameLength, int valueLength, byte expectedType)
    {
        var hash = new RdbHash(Enumerable.Range(0, count).Select(i => new RdbHashField(
            B(i.ToString().PadLeft(nameLength, 'f')), B((i * 3).ToString().PadLeft(valueLength, 'v')))));
        Assert.Equal(expectedType, DumpPayload.Encode(hash)[0]);
        AssertRoundTrip(hash);
    }

    [Fact]
    public void Small_hashes_keep_their_field_order()
    {
        var hash = Hash(("z", "1"), ("a", "-5"), ("m", ""));
        Assert.True(DumpPayload.TryDecode(DumpPayload.Encode(hash), out var value, out _));
        Assert.Equal(["z", "a", "m"], ((RdbHash)value).Fields.Select(f => System.Text.Encoding.UTF8.GetString(f.Name)));
    }

    [Fact]
    public void Thresholds_follow_the_options()
    {
        var options = new RdbEncodingOptions { HashMaxListpackEntries = 1, SetMaxIntsetEntries = 1, ZSetMaxListpackValue = 0 };
        Assert.Equal(TypeHash, DumpPayload.Encode(Hash(("a", "1"), ("b", "2")), options)[0]);
        Assert.Equal(TypeSet, DumpPayload.Encode(Set("1", "2"), options)[0]);
        Assert.Equal(TypeZSet2, DumpPayload.Encode(ZSet(("a", 1)), options)[0]);
        Assert.Equal(TypeZSetListpack, DumpPayload.Encode(ZSet(("", 1)), options)[0]);
    }

    [Fact]
    public void The_footer_is_version_10_and_the_crc64_of_the_rest()
    {
        var payload = DumpPayload.Encode(Str("hello"));
        Assert.Equal("000568656C6C6F0A00", Convert.ToHexString(payload, 0, payload.Length - 8));
        Assert.Equal(RdbPayloads.Crc64Reference(payload.AsSpan(0, payload.Length - 8)),
            BinaryPrimitives.ReadUInt64LittleEndian(payload.AsSpan(payload.Length - 8)));
    }

    [Fact]
    public void Empty_collections_have_no_payload()
    {
        Assert.Throws<ArgumentException>(() => DumpPayload.Encode(new RdbList([])));
        Assert.Throws<ArgumentException>(() => DumpPayload.Encode(new RdbSet([])));
        Assert.Throws<ArgumentException>(() => DumpPayload.Encode(new RdbSortedSet([])));
        Assert.Throws<ArgumentException>(() => DumpPayload.Encode(new RdbHash([])));
        Assert.Throws<ArgumentException>(() => new RdbSortedSet([new RdbSortedSetEntry(B("a"), double.NaN)]));
    }

    [Fact]
    public void A_million_member_set_and_a_10000_field_hash_round_trip_whole()
    {
        // Speed is the bench's business; this checks that nothing is lost at these sizes.
        var set = new RdbSet(Enumerable.Range(0, 1_000_000).Select(i => B("member:" + i)));
        var hash = new RdbHash(Enumerable.Range(0, 10_000).Select(i => new RdbHashField(B("field:" + i), B("value of field " + i))));
        Assert.True(DumpPayload.TryDecode(DumpPayload.Encode(set), out var decodedSet, out _));
        Assert.Equal(1_000_000, ((RdbSet)decodedSet).Members.Count);
        AssertSame(hash, Assert.IsType<RdbHash>(DumpPayload.TryDecode(DumpPayload.Encode(hash), out var decodedHash, out _) ? decodedHash : null));
    }

    private static void AssertRoundTrip(RdbValue value, RdbEncodingOptions? options = null)
    {
        var payload = DumpPayload.Encode(value, options);
        Assert.True(DumpPayload.TryDecode(payload, out var decoded, out var error), error?.Detail);
        AssertSame(value, decoded);
        if (value is RdbList list) Assert.Equal(list.Items, ((RdbList)decoded).Items);
    }
}
