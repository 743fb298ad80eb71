using RedisOnMySql.Kernel.Rdb;
using static RedisOnMySql.Kernel.Tests.Rdb.RdbModel;

namespace RedisOnMySql.Kernel.Tests.Rdb;

/// <summary>Garbage, truncated and mutated payloads: the decoder answers an error or a value, and never throws.</summary>
public class DumpPayloadFuzzTests
{
    internal static readonly RdbValue[] Samples =
    [
        Str("a string long enough to be compressed, compressed, compressed"),
        Str("12345"),
        new RdbList(Enumerable.Range(0, 300).Select(i => B(i % 2 == 0 ? i.ToString() : new string('x', i)))),
        Set("1", "2", "300", "-70000"),
        Set("a", "b", "c"),
        ZSet(("a", 1), ("b", 2.5), ("c", double.NegativeInfinity)),
        new RdbSortedSet(Enumerable.Range(0, 200).Select(i => new RdbSortedSetEntry(B("member" + i), i / 3.0))),
        Hash(("f", "v"), ("g", "12")),
        new RdbHash(Enumerable.Range(0, 600).Select(i => new RdbHashField(B("f" + i), B("v" + i)))),
    ];

    public static TheoryData<int> SampleIndexes => new(Enumerable.Range(0, Samples.Length));

    [Theory]
    [MemberData(nameof(SampleIndexes))]
    public void Every_truncation_fails_cleanly(int sample)
    {
        var body = DumpPayload.Encode(Samples[sample])[..^10];
        for (var length = 0; length < body.Length; length++)
            Decode(RdbPayloads.WithFooter(body[..length]));
    }

    [Theory]
    [MemberData(nameof(SampleIndexes))]
    public void Every_single_byte_change_fails_cleanly_or_decodes(int sample)
    {
        var body = DumpPayload.Encode(Samples[sample])[..^10];
        var random = new Random(sample);
        var positions = body.Length <= 2000 ? Enumerable.Range(0, body.Length) : Enumerable.Range(0, 2000).Select(_ => random.Next(body.Length));
        foreach (var position in positions)
        {
            foreach (var replacement in new byte[] { 0, 0xFF, (byte)(body[position] + 1), (byte)(body[position] ^ 0x80), (byte)random.Next(256) })
            {
                var mutated = (byte[])body.Clone();
                mutated[position] = replacement;
                Decode(RdbPayloads.WithFooter(mutated));
            }
        }
    }

    [Fact]
    public void Random_payloads_fail_cleanly()
    {
        var random = new Random(42);
        for (var i = 0; i < 200_000; i++)
        {
            var body = new byte[random.Next(0, 40)];
            random.NextBytes(body);
            if (body.Length > 0 && random.Next(2) == 0) body[0] = (byte)random.Next(20); // a known type most times
            Decode(RdbPayloads.WithFooter(body));
        }
    }

    [Fact]
    public void Random_splices_of_valid_payloads_fail_cleanly()
    {
        var random = new Random(7);
        var bodies = Samples.Select(s => DumpPayload.Encode(s, new RdbEncodingOptions { RdbCompression = random.Next(2) == 0 })[..^10]).ToArray();
        for (var i = 0; i < 20_000; i++)
        {
            var body = (byte[])bodies[random.Next(bodies.Length)].Clone();
            for (var k = random.Next(1, 4); k > 0; k--) body[random.Next(body.Length)] = (byte)random.Next(256);
            var cut = random.Next(body.Length + 1);
            Decode(RdbPayloads.WithFooter(random.Next(3) == 0 ? body[..cut] : body));
        }
    }

    [Fact]
    public void A_bad_footer_is_a_version_or_checksum_error()
    {
        var payload = DumpPayload.Encode(Str("hello"));
        Assert.Equal(DumpPayloadErrorKind.VersionOrChecksum, Error(payload[..9]).Kind);
        Assert.Equal(DumpPayloadErrorKind.VersionOrChecksum, Error([]).Kind);

        var flipped = (byte[])payload.Clone();
        flipped[2] ^= 1;
        Assert.Equal(DumpPayloadErrorKind.VersionOrChecksum, Error(flipped).Kind);

        var zeroCrc = (byte[])payload.Clone();
        Array.Clear(zeroCrc, zeroCrc.Length - 8, 8);
        Assert.Equal(DumpPayloadErrorKind.VersionOrChecksum, Error(zeroCrc).Kind);

        var version11 = RdbPayloads.WithFooter(payload[..^10], 11);
        Assert.Equal("ERR DUMP payload version or checksum are wrong", Error(version11).RedisErrorMessage);
        Assert.True(DumpPayload.TryDecode(RdbPayloads.WithFooter(payload[..^10], 1), out _, out _));
    }

    private static void Decode(byte[] payload)
    {
        if (!DumpPayload.TryDecode(payload, out var value, out var error))
            Assert.NotNull(error);
        else
            Assert.NotNull(value);
    }

    private static DumpPayloadError Error(byte[] payload)
    {
        Assert.False(DumpPayload.TryDecode(payload, out _, out var error));
        return error;
    }
}
