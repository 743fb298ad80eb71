using RedisOnMySql.Kernel.Rdb;

namespace RedisOnMySql.Kernel.Tests.Rdb;

public class Crc64Tests
{
    [Fact]
    public void Matches_redis_check_value()
    {
        Assert.Equal(0xe9c6d914c4b8d9caUL, Crc64.Compute("123456789"u8));
        Assert.Equal(0UL, Crc64.Compute([]));
    }

    [Fact]
    public void Slicing_by_8_equals_the_bitwise_definition_at_every_length_and_alignment()
    {
        var random = new Random(64);
        var data = new byte[300];
        random.NextBytes(data);
        for (var start = 0; start < 9; start++)
            for (var length = 0; length + start <= data.Length; length += 7)
                Assert.Equal(RdbPayloads.Crc64Reference(data.AsSpan(start, length)), Crc64.Compute(data.AsSpan(start, length)));
    }
}
