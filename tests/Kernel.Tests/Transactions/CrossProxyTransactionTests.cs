using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Kernel.Tests.Transactions;

/// <summary>MULTI/EXEC and WATCH with a second proxy on the same database.</summary>
public sealed class CrossProxyTransactionTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>, IAsyncLifetime
{
    private ProxyProcess _second = null!;

    public async Task InitializeAsync() => _second = await ProxyProcess.StartAsync(fixture.Database);

    public async Task DisposeAsync() => await _second.DisposeAsync();

    private Task<RawRespClient> SecondAsync() => RawRespClient.ConnectAuthenticatedAsync(_second.Port, ProxyFixture.UserA, ProxyFixture.Password);

    [Fact]
    public async Task Fifty_watch_increment_loops_over_two_proxies_lose_no_increment()
    {
        var k = ProxyFixture.Key("counter");
        const int clients = 50, attempts = 8;
        int committed = 0, aborted = 0;
        var loops = Enumerable.Range(0, clients).Select(async c =>
        {
            using var raw = c % 2 == 0 ? await fixture.RawAsync() : await SecondAsync();
            for (int i = 0; i < attempts; i++)
            {
                Assert.Equal("+OK\r\n", await raw.CommandAsync("WATCH", k));
                var current = await raw.CommandAsync("GET", k);
                long value = current == "$-1\r\n" ? 0 : long.Parse(current.Split("\r\n")[1]);
                raw.Send([.. RawRespClient.Command("MULTI"), .. RawRespClient.Command("SET", k, (value + 1).ToString()),
                    .. RawRespClient.Command("EXEC")]);
                Assert.Equal("+OK\r\n", await raw.ReadReplyAsync());
                Assert.Equal("+QUEUED\r\n", await raw.ReadReplyAsync());
                var exec = await raw.ReadReplyAsync();
                if (exec == "*-1\r\n") Interlocked.Increment(ref aborted);
                else
                {
                    Assert.Equal("*1\r\n+OK\r\n", exec);
                    Interlocked.Increment(ref committed);
                }
            }
        });
        await Task.WhenAll(loops);
        Assert.Equal(clients * attempts, committed + aborted);
        Assert.True(committed > 0);
        using var check = await SecondAsync();
        Assert.Equal(Bulk(committed.ToString()), await check.CommandAsync("GET", k));
    }

    [Fact]
    public async Task A_transaction_of_a_hundred_sets_is_seen_whole_or_not_at_all_from_the_other_proxy()
    {
        var keys = Enumerable.Range(0, 100).Select(i => ProxyFixture.Key($"t{i}")).ToArray();
        using var writer = await fixture.RawAsync();
        using var reader = await SecondAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        int written = 0;
        var writing = Task.Run(async () =>
        {
            for (int n = 1; !stop.IsCancellationRequested; n++)
            {
                var pipeline = new List<byte>(RawRespClient.Command("MULTI"));
                foreach (var key in keys) pipeline.AddRange(RawRespClient.Command("SET", key, n.ToString()));
                pipeline.AddRange(RawRespClient.Command("EXEC"));
                writer.Send([.. pipeline]);
                for (int r = 0; r < keys.Length + 2; r++) await writer.ReadReplyAsync();
                written = n;
            }
        });
        int reads = 0;
        while (!stop.IsCancellationRequested)
        {
            var values = (await reader.CommandAsync(["MGET", .. keys])).Split("\r\n").Where(l => !l.StartsWith('*') && !l.StartsWith('$') && l != "").ToList();
            Assert.True(values.Distinct().Count() <= 1, string.Join(",", values.Distinct()));
            var multi = new List<byte>(RawRespClient.Command("MULTI"));
            foreach (var key in keys) multi.AddRange(RawRespClient.Command("GET", key));
            multi.AddRange(RawRespClient.Command("EXEC"));
            reader.Send([.. multi]);
            for (int r = 0; r < keys.Length + 1; r++) await reader.ReadReplyAsync();
            var exec = (await reader.ReadReplyAsync()).Split("\r\n").Where(l => !l.StartsWith('*') && !l.StartsWith('$') && l != "").ToList();
            Assert.True(exec.Distinct().Count() <= 1, string.Join(",", exec.Distinct()));
            reads++;
        }
        await writing;
        Assert.True(written > 3 && reads > 3, $"{written} transactions written, {reads} reads");
    }

    [Fact]
    public async Task A_watched_hash_field_written_through_the_other_proxy_aborts_the_exec()
    {
        var h = ProxyFixture.Key("h");
        using var a = await fixture.RawAsync();
        using var b = await SecondAsync();
        await a.CommandAsync("HSET", h, "f", "1");
        await a.CommandAsync("WATCH", h);
        await b.CommandAsync("HSET", h, "f", "2");
        await a.CommandAsync("MULTI");
        await a.CommandAsync("HSET", h, "f", "3");
        Assert.Equal("*-1\r\n", await a.CommandAsync("EXEC"));
        Assert.Equal(Bulk("2"), await b.CommandAsync("HGET", h, "f"));
    }
}
