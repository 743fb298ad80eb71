using RedisOnMySql.Kernel.Rdb;

namespace RedisOnMySql.Kernel.Tests.Rdb;

public class LzfTests
{
    public static TheoryData<string> Inputs => new()
    {
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc",
        "the quick brown fox jumps over the lazy dog; the quick brown fox jumps over the lazy dog",
        "0123456789012345678901234567890123456789",
        "no repetition here at all: qwertyuiopasdfghjklzxcvbnm",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Round_trips_text(string text)
    {
        var input = RdbModel.B(text);
        RoundTrip(input);
    }

    [Fact]
    public void Round_trips_random_and_repetitive_data_of_many_sizes()
    {
        var random = new Random(5);
        foreach (var size in new[] { 1, 2, 3, 4, 21, 100, 1000, 8191, 8192, 70_000, 300_000 })
        {
            var noise = new byte[size];
            random.NextBytes(noise);
            RoundTrip(noise);

            // Few distinct bytes: long matches, the longest back references, overlapping copies.
            var runs = new byte[size];
            for (var i = 0; i < size; i++) runs[i] = (byte)(random.Next(100) < 95 && i > 0 ? runs[i - 1] : random.Next(3));
            RoundTrip(runs);
        }
    }

    [Fact]
    public void Refuses_when_the_output_does_not_fit()
    {
        var noise = new byte[100];
        new Random(1).NextBytes(noise);
        Assert.Equal(0, Lzf.Compress(noise, new byte[noise.Length - 4]));
        Assert.Equal(0, Lzf.Compress([], new byte[10]));
    }

    [Fact]
    public void Compresses_like_liblzf()
    {
        // 25 x 'a': two literals (position 0 is never referenced, and position 1's hash differs from position 0's),
        // then a back reference of 21 bytes to offset 0 (E0 0C: length 7 + 12 + 2), then the last 2 bytes as literals.
        var compressed = new byte[21];
        var length = Lzf.Compress(RdbModel.B(new string('a', 25)), compressed);
        Assert.Equal("016161E00C00016161", Convert.ToHexString(compressed, 0, length));
    }

    [Fact]
    public void Decompression_of_garbage_returns_0_or_a_length_never_throws()
    {
        var random = new Random(9);
        var output = new byte[512];
        for (var i = 0; i < 20_000; i++)
        {
            var input = new byte[random.Next(0, 64)];
            random.NextBytes(input);
            var written = Lzf.Decompress(input, output.AsSpan(0, random.Next(0, output.Length)));
            Assert.InRange(written, 0, output.Length);
        }
    }

    [Fact]
    public void Decompression_checks_references_and_sizes()
    {
        Assert.Equal(0, Lzf.Decompress([0x20, 0x00], new byte[10])); // back reference before the start
        Assert.Equal(0, Lzf.Decompress([0x05, 1, 2], new byte[10])); // literal run past the input
        Assert.Equal(0, Lzf.Decompress([0x02, 1, 2, 3], new byte[2])); // literal run past the output
        Assert.Equal(3, Lzf.Decompress([0x02, 1, 2, 3], new byte[3]));
        Assert.Equal(0, Lzf.Decompress([0x00, 7, 0xE0], new byte[20])); // long reference without its length byte
    }

    private static void RoundTrip(byte[] input)
    {
        var compressed = new byte[input.Length + input.Length / 32 + 64]; // incompressible data grows by a run header per 32 bytes
        var length = Lzf.Compress(input, compressed);
        Assert.True(length > 0);
        var output = new byte[input.Length];
        Assert.Equal(input.Length, Lzf.Decompress(compressed.AsSpan(0, length), output));
        Assert.Equal(input, output);
    }
}
