using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>
/// Pushes and pops of concurrent clients and of one pipeline share one transaction: every reply is still the
/// command's own, in the order applied, an error stays with its command, and no element is lost or given twice.
/// </summary>
[Collection(ListsCollection.Name)]
public class CoalescedPushPopTests(ListsFixture fixture)
{
    [Fact]
    public async Task Concurrent_lpushes_on_one_list_answer_every_length_once()
    {
        var k = ProxyFixture.Key("hot");
        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(async c =>
        {
            using var client = await fixture.RawAsync();
            var mine = new List<long>();
            for (int r = 0; r < 50; r++)
            {
                var reply = await client.CommandAsync("LPUSH", k, $"c{c}.{r}");
                mine.Add(long.Parse(reply[1..^2]));
            }
            return mine;
        }));
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), replies.SelectMany(r => r).Order());
        // Each client's own pushes land in its order: later ones get larger lengths.
        Assert.All(replies, mine => Assert.Equal(mine.Order(), mine));
        using var reader = await fixture.RawAsync();
        Assert.Equal(Int(2000), await reader.CommandAsync("LLEN", k));
        await fixture.AssertContiguousAsync(k);
    }

    [Fact]
    public async Task Concurrent_pops_take_every_element_exactly_once()
    {
        var k = ProxyFixture.Key("queue");
        using (var setup = await fixture.RawAsync())
            Assert.Equal(Int(2000), await setup.CommandAsync(["RPUSH", k, .. Enumerable.Range(0, 2000).Select(i => $"e{i}")]));
        var taken = await Task.WhenAll(Enumerable.Range(0, 40).Select(async c =>
        {
            using var client = await fixture.RawAsync();
            var mine = new List<string>();
            while (true)
            {
                var reply = c % 3 == 2
                    ? await client.CommandAsync("RPOP", k, "3")
                    : await client.CommandAsync(c % 2 == 0 ? "LPOP" : "RPOP", k);
                if (reply is Nil or NilArray) return mine;
                mine.AddRange(reply.Split("\r\n").Where(line => line.StartsWith('e')));
            }
        }));
        var all = taken.SelectMany(t => t).ToList();
        Assert.Equal(2000, all.Count);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => $"e{i}").Order(), all.Order());
        using var reader = await fixture.RawAsync();
        Assert.Equal(Int(0), await reader.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task A_pipeline_answers_each_push_and_pop_in_order_with_errors_in_place()
    {
        using var client = await fixture.RawAsync();
        string l = ProxyFixture.Key("l"), s = ProxyFixture.Key("s"), other = ProxyFixture.Key("other");
        Assert.Equal(Ok, await client.CommandAsync("SET", s, "x"));
        var pipeline = new[]
        {
            new[] { "RPUSH", l, "a", "b" }, ["LPUSH", s, "a"], ["LPUSHX", other, "z"], ["LPUSH", l, "c"], ["RPUSHX", l, "d"],
            ["LPOP", l], ["RPOP", l, "2"], ["RPOP", s], ["LPOP", l, "0"], ["LPOP", other, "1"], ["LPOP", l, "-1"],
            ["LPOP", l], ["LPOP", l], ["RPUSH", other, "o"], ["LRANGE", other, "0", "-1"], ["LPUSH", l, "1", "2"], ["LLEN", l],
        };
        var expected = new[]
        {
            Int(2), WrongType, Int(0), Int(3), Int(4),
            Bulk("c"), Array("d", "b"), WrongType, EmptyArray, NilArray, "-ERR value is out of range, must be positive\r\n",
            Bulk("a"), Nil, Int(1), Array("o"), Int(2), Int(2),
        };
        client.Send(pipeline.SelectMany(RawRespClient.Command).ToArray());
        foreach (var reply in expected) Assert.Equal(reply, await client.ReadReplyAsync());
        Assert.Equal(Bulk("x"), await client.CommandAsync("GET", s));
        Assert.Equal(Array("2", "1"), await client.CommandAsync("LRANGE", l, "0", "-1"));
    }

    [Fact]
    public async Task A_pipeline_of_pops_from_both_ends_of_one_list_shares_it_out()
    {
        using var client = await fixture.RawAsync();
        var k = ProxyFixture.Key("ends");
        await client.CommandAsync("RPUSH", k, "1", "2", "3", "4", "5", "6");
        var pipeline = new[]
        {
            new[] { "LPOP", k }, ["RPOP", k, "2"], ["LPOP", k, "2"], ["RPOP", k], ["LPOP", k], ["RPOP", k, "0"],
        };
        var expected = new[] { Bulk("1"), Array("6", "5"), Array("2", "3"), Bulk("4"), Nil, NilArray };
        client.Send(pipeline.SelectMany(RawRespClient.Command).ToArray());
        foreach (var reply in expected) Assert.Equal(reply, await client.ReadReplyAsync());
        Assert.Equal(Int(0), await client.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task Pipelined_pops_leave_the_middle_of_the_list_in_place()
    {
        using var client = await fixture.RawAsync();
        var k = ProxyFixture.Key("middle");
        await client.CommandAsync("RPUSH", k, "1", "2", "3", "4", "5", "6", "7", "8");
        var pipeline = new[] { new[] { "LPOP", k }, ["RPOP", k, "2"], ["LPOP", k, "2"], ["RPOP", k] };
        var expected = new[] { Bulk("1"), Array("8", "7"), Array("2", "3"), Bulk("6") };
        client.Send(pipeline.SelectMany(RawRespClient.Command).ToArray());
        foreach (var reply in expected) Assert.Equal(reply, await client.ReadReplyAsync());
        Assert.Equal(Array("4", "5"), await client.CommandAsync("LRANGE", k, "0", "-1"));
        await fixture.AssertContiguousAsync(k);
        Assert.Equal(Int(3), await client.CommandAsync("RPUSH", k, "x"));
        Assert.Equal(Array("4", "5", "x"), await client.CommandAsync("LRANGE", k, "0", "-1"));
    }
}
