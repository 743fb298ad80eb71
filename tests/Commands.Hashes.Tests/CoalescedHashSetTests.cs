using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Hashes.Tests;

/// <summary>
/// HSET and HMSET of concurrent clients and of one pipeline share one transaction: every reply is still the
/// command's own, an error stays with its command and writes nothing, and no field is lost.
/// </summary>
[Collection(HashesCollection.Name)]
public class CoalescedHashSetTests(HashesFixture fixture)
{
    [Fact]
    public async Task Concurrent_hsets_on_one_hash_count_each_new_field_once()
    {
        var hash = ProxyFixture.Key("hot-hash");
        var replies = await Task.WhenAll(Enumerable.Range(0, 30).Select(async c =>
        {
            using var client = await fixture.RawAsync();
            var mine = new List<string>();
            for (int r = 0; r < 30; r++)
            {
                mine.Add(await client.CommandAsync("HSET", hash, $"f{c}.{r}", $"v{c}.{r}\0", "shared", $"c{c}"));
            }
            return mine;
        }));
        // Each HSET adds its own field; "shared" is new for exactly one of the 900.
        Assert.Equal(900 + 1, replies.SelectMany(r => r).Sum(reply => int.Parse(reply[1..^2])));
        using var reader = await fixture.RawAsync();
        Assert.Equal(":901\r\n", await reader.CommandAsync("HLEN", hash));
        Assert.Equal("$6\r\nv7.29\0\r\n", await reader.CommandAsync("HGET", hash, "f7.29"));
        Assert.Equal(901, await fixture.FieldRowsAsync(hash));
    }

    [Fact]
    public async Task A_pipeline_of_hsets_answers_each_in_order_with_errors_in_place()
    {
        using var client = await fixture.RawAsync();
        string h = ProxyFixture.Key("h"), s = ProxyFixture.Key("s"), other = ProxyFixture.Key("other");
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", s, "x"));
        var pipeline = new[]
        {
            new[] { "HSET", h, "a", "1" }, ["HSET", s, "a", "1"], ["HSET", h, "a", "2", "b", "3"], ["HMSET", h, "c", "4"],
            ["HSET", h, "odd"], ["HMSET", s, "a", "1"], ["HSET", other, "z", "26"], ["HGET", h, "a"], ["HLEN", h],
        };
        var expected = new[]
        {
            ":1\r\n", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", ":1\r\n", "+OK\r\n",
            "-ERR wrong number of arguments for 'hset' command\r\n",
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", ":1\r\n", "$1\r\n2\r\n", ":3\r\n",
        };
        client.Send(pipeline.SelectMany(RawRespClient.Command).ToArray());
        foreach (var reply in expected) Assert.Equal(reply, await client.ReadReplyAsync());
        Assert.Equal("$1\r\nx\r\n", await client.CommandAsync("GET", s));
        Assert.Equal("$2\r\n26\r\n", await client.CommandAsync("HGET", other, "z"));
    }
}
