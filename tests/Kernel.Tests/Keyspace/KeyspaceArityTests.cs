namespace RedisOnMySql.Kernel.Tests.Keyspace;

[Collection(KeyspaceCollection.Name)]
public class KeyspaceArityTests(KeyspaceFixture fixture)
{
    [Theory]
    [InlineData("del")]
    [InlineData("unlink")]
    [InlineData("exists")]
    [InlineData("touch")]
    [InlineData("type")]
    [InlineData("type", "a", "b")]
    [InlineData("expire", "k")]
    [InlineData("pexpire", "k")]
    [InlineData("expireat", "k")]
    [InlineData("pexpireat", "k")]
    [InlineData("ttl")]
    [InlineData("ttl", "a", "b")]
    [InlineData("pttl")]
    [InlineData("expiretime")]
    [InlineData("pexpiretime", "a", "b")]
    [InlineData("persist")]
    [InlineData("keys")]
    [InlineData("keys", "a", "b")]
    [InlineData("scan")]
    [InlineData("randomkey", "x")]
    [InlineData("rename", "a")]
    [InlineData("rename", "a", "b", "c")]
    [InlineData("renamenx", "a")]
    [InlineData("copy", "a")]
    [InlineData("move", "a")]
    [InlineData("move", "a", "1", "2")]
    [InlineData("dbsize", "x")]
    public async Task Wrong_argument_count_is_redis_arity_error(string command, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal($"-ERR wrong number of arguments for '{command}' command\r\n", await raw.CallAsync([command.ToUpperInvariant(), .. args]));
    }

    [Theory]
    [InlineData("FLUSHDB", "ASYNC", "SYNC")]
    [InlineData("FLUSHALL", "SYNC", "x")]
    [InlineData("FLUSHDB", "NOW")]
    public async Task Flush_with_extra_arguments_is_a_syntax_error(string command, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal("-ERR syntax error\r\n", await raw.CallAsync([command, .. args]));
    }
}
