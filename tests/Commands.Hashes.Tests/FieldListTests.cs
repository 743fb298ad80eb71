namespace RedisOnMySql.Commands.Hashes.Tests;

public class FieldListTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(300, 512)]
    [InlineData(512, 512)]
    [InlineData(5000, 512)]
    public void Statements_come_in_power_of_two_shapes_up_to_the_chunk_size(int fields, int shape) =>
        Assert.Equal(shape, FieldList.ShapeFor(fields));

    [Fact]
    public void Fields_of_any_length_get_distinct_32_byte_hashes()
    {
        var prefix = new byte[2999];
        byte[] a = [.. prefix, 1], b = [.. prefix, 2];
        Assert.Equal(32, FieldList.HashOf(a).Length);
        Assert.NotEqual(FieldList.HashOf(a), FieldList.HashOf(b));
        Assert.Equal(FieldList.HashOf(a), FieldList.HashOf([.. prefix, 1]));
    }
}
