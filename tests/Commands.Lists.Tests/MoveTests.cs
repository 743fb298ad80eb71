using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>LMOVE, RPOPLPUSH and LMPOP, byte for byte as Redis 7.0 answers.</summary>
[Collection(ListsCollection.Name)]
public class MoveTests(ListsFixture fixture)
{
    [Fact]
    public async Task Lmove_between_lists_in_every_direction()
    {
        using var raw = await fixture.RawAsync();
        string src = ProxyFixture.Key("src"), dst = ProxyFixture.Key("dst");
        await raw.CommandAsync("RPUSH", src, "a", "b", "c", "d");
        Assert.Equal(Bulk("a"), await raw.CommandAsync("LMOVE", src, dst, "LEFT", "RIGHT"));
        Assert.Equal(Bulk("b"), await raw.CommandAsync("LMOVE", src, dst, "left", "left"));
        Assert.Equal(Bulk("d"), await raw.CommandAsync("LMOVE", src, dst, "RIGHT", "RIGHT"));
        Assert.Equal(Bulk("c"), await raw.CommandAsync("RPOPLPUSH", src, dst));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", src));
        Assert.Equal(Array("c", "b", "a", "d"), await raw.CommandAsync("LRANGE", dst, "0", "-1"));
        Assert.Equal(Nil, await raw.CommandAsync("LMOVE", src, dst, "LEFT", "RIGHT"));
        Assert.Equal(Nil, await raw.CommandAsync("RPOPLPUSH", src, dst));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("LMOVE", src, dst, "MIDDLE", "LEFT"));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("LMOVE", dst, src, "LEFT", "MIDDLE"));
        await fixture.AssertContiguousAsync(dst);
    }

    [Fact]
    public async Task Lmove_onto_the_same_key_rotates()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key("r"), one = ProxyFixture.Key("one");
        await raw.CommandAsync("RPUSH", k, "1", "2", "3");
        Assert.Equal(Bulk("1"), await raw.CommandAsync("LMOVE", k, k, "LEFT", "RIGHT"));
        Assert.Equal(Array("2", "3", "1"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal(Bulk("1"), await raw.CommandAsync("LMOVE", k, k, "RIGHT", "LEFT"));
        Assert.Equal(Bulk("1"), await raw.CommandAsync("LMOVE", k, k, "LEFT", "LEFT"));
        Assert.Equal(Bulk("3"), await raw.CommandAsync("RPOPLPUSH", k, k));
        Assert.Equal(Array("3", "1", "2"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        await fixture.AssertContiguousAsync(k);
        await raw.CommandAsync("RPUSH", one, "x");
        await raw.CommandAsync("EXPIRE", one, "1000");
        Assert.Equal(Bulk("x"), await raw.CommandAsync("RPOPLPUSH", one, one));
        Assert.Equal(Bulk("x"), await raw.CommandAsync("LMOVE", one, one, "LEFT", "RIGHT"));
        Assert.Equal(Array("x"), await raw.CommandAsync("LRANGE", one, "0", "-1"));
        Assert.Matches(@"^:(99\d|1000)\r\n$", await raw.CommandAsync("TTL", one));
    }

    [Fact]
    public async Task Opposite_moves_between_two_lists_never_lose_an_element()
    {
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b");
        using (var setup = await fixture.RawAsync())
        {
            await setup.CommandAsync(["RPUSH", a, .. Enumerable.Range(0, 50).Select(i => $"a{i}")]);
            await setup.CommandAsync(["RPUSH", b, .. Enumerable.Range(0, 50).Select(i => $"b{i}")]);
        }
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async c =>
        {
            using var client = await fixture.RawAsync();
            for (int i = 0; i < 20; i++)
            {
                var reply = c % 2 == 0
                    ? await client.CommandAsync("LMOVE", a, b, "LEFT", "RIGHT")
                    : await client.CommandAsync("RPOPLPUSH", b, a);
                Assert.StartsWith("$", reply);
            }
        }));
        using var raw = await fixture.RawAsync();
        var all = (await raw.CommandAsync("LRANGE", a, "0", "-1") + await raw.CommandAsync("LRANGE", b, "0", "-1"))
            .Split("\r\n").Where(line => line.Length > 0 && line[0] is 'a' or 'b').Order().ToList();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"a{i}").Concat(Enumerable.Range(0, 50).Select(i => $"b{i}")).Order(), all);
        await fixture.AssertContiguousAsync(a);
        await fixture.AssertContiguousAsync(b);
    }

    [Fact]
    public async Task Lmpop_pops_from_the_first_non_empty_list()
    {
        using var raw = await fixture.RawAsync();
        string l = ProxyFixture.Key("l"), missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("RPUSH", l, "a", "b", "c", "d", "e");
        Assert.Equal("*2\r\n" + Bulk(l) + Array("a"), await raw.CommandAsync("LMPOP", "1", l, "LEFT"));
        Assert.Equal("*2\r\n" + Bulk(l) + Array("e", "d"), await raw.CommandAsync("LMPOP", "1", l, "RIGHT", "COUNT", "2"));
        Assert.Equal("*2\r\n" + Bulk(l) + Array("b", "c"), await raw.CommandAsync("LMPOP", "2", missing, l, "left", "count", "10"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", l));
        Assert.Equal(NilArray, await raw.CommandAsync("LMPOP", "2", missing, l, "LEFT", "COUNT", "10"));
    }

    [Theory]
    [InlineData("-ERR numkeys should be greater than 0", "0", "k", "LEFT")]
    [InlineData("-ERR numkeys should be greater than 0", "-1", "k", "LEFT")]
    [InlineData("-ERR numkeys should be greater than 0", "x", "k", "LEFT")]
    [InlineData("-ERR syntax error", "3", "k", "LEFT")]
    [InlineData("-ERR syntax error", "2", "k", "LEFT")]
    [InlineData("-ERR syntax error", "9223372036854775807", "k", "LEFT")]
    [InlineData("-ERR syntax error", "1", "k", "MIDDLE")]
    [InlineData("-ERR count should be greater than 0", "1", "k", "LEFT", "COUNT", "0")]
    [InlineData("-ERR count should be greater than 0", "1", "k", "LEFT", "COUNT", "-1")]
    [InlineData("-ERR count should be greater than 0", "1", "k", "LEFT", "COUNT", "x")]
    [InlineData("-ERR syntax error", "1", "k", "LEFT", "COUNT")]
    [InlineData("-ERR syntax error", "1", "k", "LEFT", "COUNT", "1", "COUNT", "2")]
    [InlineData("-ERR syntax error", "1", "k", "LEFT", "FOO")]
    public async Task Lmpop_errors(string error, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal(error + "\r\n", await raw.CommandAsync(["LMPOP", .. args]));
    }
}
