using System.Text;
using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Kernel.Tests.Transactions;

/// <summary>MULTI/EXEC/WATCH on one proxy: raw RESP pipelines, StackExchange.Redis transactions, binary keys, tenants.</summary>
public sealed class TransactionTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task A_pipelined_transaction_answers_every_reply_in_order_in_one_write()
    {
        var k = ProxyFixture.Key();
        using var raw = await fixture.RawAsync();
        raw.Send([.. RawRespClient.Command("MULTI"), .. RawRespClient.Command("SET", k, "1"), .. RawRespClient.Command("INCRBY", k, "41"),
            .. RawRespClient.Command("HSET", k, "f", "v"), .. RawRespClient.Command("GET", k), .. RawRespClient.Command("EXEC")]);
        var expected = "+OK\r\n+QUEUED\r\n+QUEUED\r\n+QUEUED\r\n+QUEUED\r\n" +
                       "*4\r\n+OK\r\n:42\r\n-WRONGTYPE Operation against a key holding the wrong kind of value\r\n$2\r\n42\r\n";
        var received = new StringBuilder();
        while (received.Length < expected.Length) received.Append(await raw.ReadReplyAsync());
        Assert.Equal(expected, received.ToString());
    }

    [Fact]
    public async Task StackExchange_transactions_apply_when_their_conditions_hold_and_not_otherwise()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = ProxyFixture.Key("cond");
        var h = ProxyFixture.Key("hash");

        var first = db.CreateTransaction();
        first.AddCondition(Condition.KeyNotExists(k));
        _ = first.StringIncrementAsync(k);
        _ = first.HashSetAsync(h, "f", "v");
        Assert.True(await first.ExecuteAsync());
        Assert.Equal("1", (string?)await db.StringGetAsync(k));

        var refused = db.CreateTransaction();
        refused.AddCondition(Condition.KeyNotExists(k));
        var set = refused.StringIncrementAsync(k);
        Assert.False(await refused.ExecuteAsync());
        Assert.True(set.IsCanceled);
        Assert.Equal("1", (string?)await db.StringGetAsync(k));

        var equal = db.CreateTransaction();
        equal.AddCondition(Condition.StringEqual(k, "1"));
        equal.AddCondition(Condition.HashEqual(h, "f", "v"));
        var incr = equal.StringIncrementAsync(k, 10);
        var length = equal.HashLengthAsync(h);
        Assert.True(await equal.ExecuteAsync());
        Assert.Equal(11, await incr);
        Assert.Equal(1, await length);
    }

    [Fact]
    public async Task A_watched_key_changed_by_another_tenant_is_not_a_change()
    {
        var k = ProxyFixture.Key();
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        await a.CommandAsync("SET", k, "a");
        Assert.Equal("+OK\r\n", await a.CommandAsync("WATCH", k));
        await b.CommandAsync("SET", k, "b");
        await b.CommandAsync("DEL", k);
        await a.CommandAsync("MULTI");
        await a.CommandAsync("APPEND", k, "!");
        Assert.Equal(Ints(2), await a.CommandAsync("EXEC"));
        Assert.Equal(Bulk("a!"), await a.CommandAsync("GET", k));
        Assert.Equal("$-1\r\n", await b.CommandAsync("GET", k));
    }

    [Fact]
    public async Task Binary_keys_are_watched_byte_for_byte()
    {
        var k = Encoding.UTF8.GetBytes(ProxyFixture.Key()).Concat(new byte[] { 0, 13, 10, 0xff }).ToArray();
        var near = k[..^1];
        using var a = await fixture.RawAsync();
        using var other = await fixture.RawAsync();
        await a.CommandAsync(Args("SET", k, "1"));
        await a.CommandAsync(Args("WATCH", k));
        await other.CommandAsync(Args("SET", near, "x"));
        await a.CommandAsync("MULTI");
        await a.CommandAsync(Args("INCR", k));
        Assert.Equal(Ints(2), await a.CommandAsync("EXEC"));
        await a.CommandAsync(Args("WATCH", k));
        await other.CommandAsync(Args("SET", k, "x"));
        await a.CommandAsync("MULTI");
        await a.CommandAsync(Args("INCR", k));
        Assert.Equal("*-1\r\n", await a.CommandAsync("EXEC"));
    }

    [Fact]
    public async Task Transactions_locking_keys_in_opposite_orders_all_apply()
    {
        var x = ProxyFixture.Key("x");
        var y = ProxyFixture.Key("y");
        const int clients = 16, rounds = 10;
        var work = Enumerable.Range(0, clients).Select(async c =>
        {
            using var raw = await fixture.RawAsync();
            var (first, second) = c % 2 == 0 ? (x, y) : (y, x);
            for (int i = 0; i < rounds; i++)
            {
                raw.Send([.. RawRespClient.Command("MULTI"), .. RawRespClient.Command("HINCRBY", first, "n", "1"),
                    .. RawRespClient.Command("HINCRBY", second, "n", "1"), .. RawRespClient.Command("EXEC")]);
                for (int r = 0; r < 4; r++)
                {
                    var reply = await raw.ReadReplyAsync();
                    Assert.False(reply.StartsWith('-'), reply);
                }
            }
        });
        await Task.WhenAll(work);
        using var check = await fixture.RawAsync();
        Assert.Equal(Bulk((clients * rounds).ToString()), await check.CommandAsync("HGET", x, "n"));
        Assert.Equal(Bulk((clients * rounds).ToString()), await check.CommandAsync("HGET", y, "n"));
    }

    [Fact]
    public async Task A_failed_command_leaves_no_write_and_no_event_behind()
    {
        var k = ProxyFixture.Key("list");
        var s = ProxyFixture.Key("str");
        using var raw = await fixture.RawAsync();
        using var blocked = await fixture.RawAsync();
        await raw.CommandAsync("SET", s, "text");
        blocked.Send(RawRespClient.Command("BLPOP", k, "0"));
        await BlockedClients.WaitUntilBlockedAsync(raw, 1);
        await raw.CommandAsync("MULTI");
        await raw.CommandAsync("RPUSH", k, "a");
        await raw.CommandAsync("RPUSH", s, "b");
        await raw.CommandAsync("INCR", s);
        Assert.Equal("*3\r\n:1\r\n-WRONGTYPE Operation against a key holding the wrong kind of value\r\n" +
                     "-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("EXEC"));
        Assert.Equal(Array(k, "a"), await blocked.ReadReplyAsync());
        Assert.Equal(Bulk("text"), await raw.CommandAsync("GET", s));
    }
}
