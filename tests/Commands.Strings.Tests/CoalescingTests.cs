using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

/// <summary>
/// GETs and plain SETs of concurrent clients of one tenant and db share statements (one IN-list read, one multi-row
/// upsert). Whatever is merged, each client gets its own answers and no acknowledged write is lost.
/// </summary>
[Collection(StringsCollection.Name)]
public class CoalescingTests(StringsFixture fixture)
{
    private const int Clients = 40;
    private const int Rounds = 50;

    [Fact]
    public async Task Sets_from_many_concurrent_clients_lose_nothing()
    {
        var prefix = ProxyFixture.Key("coalesced-set");
        var hot = ProxyFixture.Key("coalesced-hot");
        var written = new List<string>[Clients];
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            using var client = await fixture.RawAsync();
            written[c] = [];
            for (int r = 0; r < Rounds; r++)
            {
                Assert.Equal("+OK\r\n", await client.CommandAsync("SET", $"{prefix}:{c}:{r}", $"v{c}.{r}\0\r\n"));
                var value = $"hot{c}.{r}";
                Assert.Equal("+OK\r\n", await client.CommandAsync("SET", hot, value));
                written[c].Add(value);
            }
        }));

        using var reader = await fixture.RawAsync();
        for (int c = 0; c < Clients; c++)
        {
            for (int r = 0; r < Rounds; r++)
            {
                var row = await fixture.RowAsync($"{prefix}:{c}:{r}");
                Assert.NotNull(row);
                Assert.Equal($"v{c}.{r}\0\r\n", Encoding.UTF8.GetString(row.Value.Value!));
            }
        }
        // The hot key holds one client's last write: every client's writes to it were applied in its own order.
        var last = Encoding.UTF8.GetString((await fixture.RowAsync(hot))!.Value.Value!);
        Assert.Contains(last, written.Select(w => w[^1]));
    }

    [Fact]
    public async Task Gets_from_many_concurrent_clients_each_answer_the_clients_own_key_tenant_and_db()
    {
        var prefix = ProxyFixture.Key("coalesced-get");
        using (var setup = await fixture.RawAsync())
        using (var setupB = await fixture.RawAsync(ProxyFixture.UserB))
        {
            for (int c = 0; c < Clients; c++)
            {
                await setup.CommandAsync("SET", $"{prefix}:{c}", $"A{c}");
                await setupB.CommandAsync("SET", $"{prefix}:{c}", $"B{c}");
            }
            await setup.CommandAsync("SELECT", "2");
            for (int c = 0; c < Clients; c++) await setup.CommandAsync("SET", $"{prefix}:{c}", $"A2.{c}");
        }

        // Each client reads its own key, in tenant A db 0, tenant A db 2 or tenant B, all at once.
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            var (user, db, expected) = (c % 3) switch
            {
                0 => (ProxyFixture.UserA, "0", $"A{c}"),
                1 => (ProxyFixture.UserA, "2", $"A2.{c}"),
                _ => (ProxyFixture.UserB, "0", $"B{c}"),
            };
            using var client = await fixture.RawAsync(user);
            Assert.Equal("+OK\r\n", await client.CommandAsync("SELECT", db));
            for (int r = 0; r < Rounds; r++)
            {
                Assert.Equal($"${expected.Length}\r\n{expected}\r\n", await client.CommandAsync("GET", $"{prefix}:{c}"));
                Assert.Equal("$-1\r\n", await client.CommandAsync("GET", $"{prefix}:missing:{c}"));
            }
        }));
    }

    [Fact]
    public async Task Pipelined_sets_of_one_key_leave_the_last_value_and_answer_each_ok()
    {
        using var client = await fixture.RawAsync();
        string a = ProxyFixture.Key("dup-a"), b = ProxyFixture.Key("dup-b"), c = ProxyFixture.Key("dup-c");
        client.Send([.. RawRespClient.Command("SET", a, "1"), .. RawRespClient.Command("SET", b, "2"),
            .. RawRespClient.Command("SET", a, "3"), .. RawRespClient.Command("SET", c, "4"), .. RawRespClient.Command("SET", a, "5"),
            .. RawRespClient.Command("GET", a), .. RawRespClient.Command("GET", b), .. RawRespClient.Command("GET", c)]);
        for (int i = 0; i < 5; i++) Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.Equal("$1\r\n5\r\n", await client.ReadReplyAsync());
        Assert.Equal("$1\r\n2\r\n", await client.ReadReplyAsync());
        Assert.Equal("$1\r\n4\r\n", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task A_pipelined_set_replaces_a_hash_and_clears_a_ttl_like_a_single_set()
    {
        using var client = await fixture.RawAsync();
        string hash = ProxyFixture.Key("was-hash"), ttl = ProxyFixture.Key("had-ttl");
        await fixture.InsertKeyOfTypeAsync(hash);
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", ttl, "old", "EX", "100"));
        client.Send([.. RawRespClient.Command("SET", hash, "s"), .. RawRespClient.Command("SET", ttl, "new"),
            .. RawRespClient.Command("TYPE", hash), .. RawRespClient.Command("TTL", ttl)]);
        Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.Equal("+string\r\n", await client.ReadReplyAsync());
        Assert.Equal(":-1\r\n", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task Increments_from_many_concurrent_clients_add_up_exactly()
    {
        var shared = ProxyFixture.Key("coalesced-counter");
        var prefix = ProxyFixture.Key("own-counter");
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            using var client = await fixture.RawAsync();
            for (int r = 0; r < Rounds; r++)
            {
                Assert.StartsWith(":", await client.CommandAsync("INCR", shared));
                Assert.Equal($":{r + 1}\r\n", await client.CommandAsync("INCR", $"{prefix}:{c}"));
            }
        }));
        using var reader = await fixture.RawAsync();
        Assert.Equal($"${(Clients * Rounds).ToString().Length}\r\n{Clients * Rounds}\r\n", await reader.CommandAsync("GET", shared));
    }

    [Fact]
    public async Task A_pipeline_of_counters_answers_each_in_order_with_errors_in_place_and_keeps_the_ttl()
    {
        using var client = await fixture.RawAsync();
        string n = ProxyFixture.Key("n"), text = ProxyFixture.Key("text"), hash = ProxyFixture.Key("hash"),
            ttl = ProxyFixture.Key("ttl"), expired = ProxyFixture.Key("expired"), bin = ProxyFixture.Key("bin\0\r\n");
        await fixture.InsertKeyOfTypeAsync(hash);
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", text, "abc"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", ttl, "10", "EX", "100"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", expired, "41", "PX", "1"));
        await Task.Delay(20);

        var pipeline = new[]
        {
            new[] { "INCR", n }, ["INCR", n], ["INCRBY", n, "5"], ["DECR", n], ["DECRBY", n, "-3"], ["GET", n],
            ["INCR", text], ["INCR", hash], ["INCRBY", n, "x"], ["INCRBY", n, "9223372036854775807"], ["DECRBY", n, "-9223372036854775808"],
            ["INCR", ttl], ["INCR", expired], ["INCR", bin], ["INCR", n],
        };
        var expected = new[]
        {
            ":1\r\n", ":2\r\n", ":7\r\n", ":6\r\n", ":9\r\n", "$1\r\n9\r\n",
            "-ERR value is not an integer or out of range\r\n", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
            "-ERR value is not an integer or out of range\r\n", "-ERR increment or decrement would overflow\r\n",
            "-ERR decrement would overflow\r\n", ":11\r\n", ":1\r\n", ":1\r\n", ":10\r\n",
        };
        client.Send(pipeline.SelectMany(RawRespClient.Command).ToArray());
        foreach (var reply in expected) Assert.Equal(reply, await client.ReadReplyAsync());

        Assert.Equal("$3\r\nabc\r\n", await client.CommandAsync("GET", text));
        var ttlLeft = await client.CommandAsync("TTL", ttl);
        Assert.InRange(int.Parse(ttlLeft[1..^2]), 90, 100);
        Assert.Equal(":-1\r\n", await client.CommandAsync("TTL", expired));
    }

    [Fact]
    public async Task Clients_that_disconnect_while_their_batch_is_at_mysql_do_not_stall_the_others()
    {
        var k = ProxyFixture.Key("survivor");
        var counter = ProxyFixture.Key("survivor-counter");
        using (var setup = await fixture.RawAsync()) Assert.Equal("+OK\r\n", await setup.CommandAsync("SET", k, "alive"));
        for (int round = 0; round < 5; round++)
        {
            var quitters = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => fixture.RawAsync()));
            foreach (var quitter in quitters)
            {
                quitter.Send(Enumerable.Range(0, 50).SelectMany(i => RawRespClient.Command("GET", k))
                    .Concat(Enumerable.Range(0, 50).SelectMany(i => RawRespClient.Command("INCR", counter))).ToArray());
                quitter.Dispose();
            }
            using var survivor = await fixture.RawAsync();
            Assert.Equal("$5\r\nalive\r\n", await survivor.CommandAsync("GET", k));
            Assert.Equal("+OK\r\n", await survivor.CommandAsync("SET", k, "alive"));
            Assert.StartsWith(":", await survivor.CommandAsync("INCR", counter));
        }
    }

    [Fact]
    public async Task Concurrent_pipelines_of_different_lengths_each_get_their_own_replies()
    {
        var prefix = ProxyFixture.Key("varying");
        const int clients = 20, keysPerClient = 7;
        using (var setup = await fixture.RawAsync())
        {
            var pairs = Enumerable.Range(0, clients).SelectMany(c => Enumerable.Range(0, keysPerClient)
                .SelectMany(j => new[] { $"{prefix}:{c}:{j}", $"v{c}.{j}" }));
            Assert.Equal("+OK\r\n", await setup.CommandAsync(["MSET", .. pairs]));
        }
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            using var client = await fixture.RawAsync();
            long counter = 0;
            for (int round = 0; round < 20; round++)
            {
                // A different number of GETs, then of INCRs, in every round and client, so batches mix lengths; each
                // pipeline is one run, sent in pieces, so the next one is often parsed while this one is answered.
                int gets = 1 + (c + round) % keysPerClient, incrs = 1 + (c * 3 + round) % 5;
                var keys = Enumerable.Range(0, gets).Select(j => (j * 3 + round) % keysPerClient).ToArray();
                client.Send([.. keys.SelectMany(j => RawRespClient.Command("GET", $"{prefix}:{c}:{j}"))]);
                client.Send([.. Enumerable.Range(0, incrs).SelectMany(_ => RawRespClient.Command("INCR", $"{prefix}:counter:{c}"))]);
                foreach (int j in keys)
                {
                    var value = $"v{c}.{j}";
                    Assert.Equal($"${value.Length}\r\n{value}\r\n", await client.ReadReplyAsync());
                }
                for (int i = 0; i < incrs; i++) Assert.Equal($":{++counter}\r\n", await client.ReadReplyAsync());
            }
        }));
    }

    [Fact]
    public async Task StackExchange_Redis_multiplexing_thousands_of_commands_gets_every_reply_right()
    {
        // One multiplexer pipelines everything it is given on one socket, so runs of GET, SET and INCR of any length
        // reach the proxy back to back; two multiplexers also coalesce with each other.
        await using var first = await fixture.ConnectAsync();
        await using var second = await fixture.ConnectAsync();
        var prefix = ProxyFixture.Key("multiplexed");
        var dbs = new[] { first.GetDatabase(), second.GetDatabase() };
        await Task.WhenAll(Enumerable.Range(0, 2000).Select(i =>
            dbs[i % 2].StringSetAsync($"{prefix}:{i}", new byte[] { (byte)(i % 256), 0, 13, 10, (byte)(i / 256) })));
        var reads = Enumerable.Range(0, 2000).Select(i => dbs[(i + 1) % 2].StringGetAsync($"{prefix}:{i}")).ToArray();
        var increments = Enumerable.Range(0, 1000).Select(i => dbs[i % 2].StringIncrementAsync($"{prefix}:counter")).ToArray();
        var values = await Task.WhenAll(reads);
        var counts = await Task.WhenAll(increments);
        for (int i = 0; i < 2000; i++)
            Assert.Equal(new byte[] { (byte)(i % 256), 0, 13, 10, (byte)(i / 256) }, (byte[])values[i]!);
        Assert.Equal(Enumerable.Range(1, 1000).Select(n => (long)n), counts.Order());
        Assert.Equal(1000, (long)await dbs[0].StringGetAsync($"{prefix}:counter"));
    }
}
