using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

/// <summary>
/// Pipelines: consecutive GETs go to MySQL as one batch, other commands one by one, and the replies are exactly
/// Redis's, in order, whatever the mix.
/// </summary>
[Collection(StringsCollection.Name)]
public class PipelineTests(StringsFixture fixture)
{
    [Fact]
    public async Task A_pipeline_mixing_set_get_and_incr_answers_as_redis()
    {
        using var client = await fixture.RawAsync();
        var k = ProxyFixture.Key("mix");
        var pipeline = new[]
        {
            new[] { "GET", k }, ["SET", k, "10"], ["GET", k], ["INCR", k], ["GET", k], ["GET", k], ["INCRBY", k, "5"],
            ["GET", k], ["APPEND", k, "x"], ["GET", k], ["INCR", k], ["DEL", k], ["GET", k], ["GET", k],
        };
        var expected = new[]
        {
            "$-1\r\n", "+OK\r\n", "$2\r\n10\r\n", ":11\r\n", "$2\r\n11\r\n", "$2\r\n11\r\n", ":16\r\n",
            "$2\r\n16\r\n", ":3\r\n", "$3\r\n16x\r\n", "-ERR value is not an integer or out of range\r\n", ":1\r\n", "$-1\r\n", "$-1\r\n",
        };
        client.Send(pipeline.SelectMany(RawRespClient.Command).ToArray());
        foreach (var reply in expected) Assert.Equal(reply, await client.ReadReplyAsync());
    }

    [Fact]
    public async Task A_run_of_gets_answers_each_key_in_order_with_missing_wrong_type_expired_and_binary_values()
    {
        using var client = await fixture.RawAsync();
        string text = ProxyFixture.Key("text"), missing = ProxyFixture.Key("missing"), hash = ProxyFixture.Key("hash"),
            expired = ProxyFixture.Key("expired"), binary = ProxyFixture.Key("bin\0\r\n");
        byte[] binaryValue = [0, 13, 10, 255, 1];
        await fixture.InsertKeyOfTypeAsync(hash);
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", text, "hello"));
        Assert.Equal("+OK\r\n", await client.CommandAsync(Encoding.UTF8.GetBytes("SET"), Encoding.UTF8.GetBytes(binary), binaryValue));
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", expired, "gone", "PX", "1"));
        await Task.Delay(20);

        var keys = new[] { text, missing, hash, expired, binary, text, new string('k', 2049) };
        client.Send(keys.SelectMany(key => RawRespClient.Command("GET", key)).ToArray());
        Assert.Equal("$5\r\nhello\r\n", await client.ReadReplyAsync());
        Assert.Equal("$-1\r\n", await client.ReadReplyAsync());
        Assert.Equal("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", await client.ReadReplyAsync());
        Assert.Equal("$-1\r\n", await client.ReadReplyAsync());
        Assert.Equal(new byte[] { (byte)'$', (byte)'5', 13, 10, 0, 13, 10, 255, 1, 13, 10 }, await client.ReadReplyBytesAsync());
        Assert.Equal("$5\r\nhello\r\n", await client.ReadReplyAsync());
        Assert.Equal("-ERR key is too long (at most 2048 bytes)\r\n", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task Batched_gets_stay_within_the_tenant_and_the_selected_database()
    {
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        var k = ProxyFixture.Key("scoped");
        Assert.Equal("+OK\r\n", await a.CommandAsync("SET", k, "db0"));
        Assert.Equal("+OK\r\n", await a.CommandAsync("SELECT", "3"));
        Assert.Equal("+OK\r\n", await a.CommandAsync("SET", k, "db3"));

        a.Send([.. RawRespClient.Command("GET", k), .. RawRespClient.Command("SELECT", "0"), .. RawRespClient.Command("GET", k),
            .. RawRespClient.Command("GET", k)]);
        Assert.Equal("$3\r\ndb3\r\n", await a.ReadReplyAsync());
        Assert.Equal("+OK\r\n", await a.ReadReplyAsync());
        Assert.Equal("$3\r\ndb0\r\n", await a.ReadReplyAsync());
        Assert.Equal("$3\r\ndb0\r\n", await a.ReadReplyAsync());

        b.Send([.. RawRespClient.Command("GET", k), .. RawRespClient.Command("GET", k)]);
        Assert.Equal("$-1\r\n", await b.ReadReplyAsync());
        Assert.Equal("$-1\r\n", await b.ReadReplyAsync());
    }

    [Fact]
    public async Task Gets_pipelined_before_auth_answer_noauth_and_after_auth_answer_values()
    {
        using var client = new RawRespClient(fixture.Port);
        var k = ProxyFixture.Key("auth");
        client.Send([.. RawRespClient.Command("GET", k), .. RawRespClient.Command("AUTH", ProxyFixture.UserA, ProxyFixture.Password),
            .. RawRespClient.Command("SET", k, "v"), .. RawRespClient.Command("GET", k), .. RawRespClient.Command("GET", k)]);
        Assert.Equal("-NOAUTH Authentication required.\r\n", await client.ReadReplyAsync());
        Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.Equal("$1\r\nv\r\n", await client.ReadReplyAsync());
        Assert.Equal("$1\r\nv\r\n", await client.ReadReplyAsync());
    }
}
