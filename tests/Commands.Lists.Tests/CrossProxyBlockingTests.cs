using System.Collections.Concurrent;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.BlockedClients;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>Blocking pops with a second proxy on the same database: the kernel's event feed carries the wake-up.</summary>
[Collection(ListsCollection.Name)]
public class CrossProxyBlockingTests(ListsFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private ProxyProcess _second = null!;

    public async Task InitializeAsync() => _second = await ProxyProcess.StartAsync(fixture.Database);

    public async Task DisposeAsync() => await _second.DisposeAsync();

    private Task<RawRespClient> SecondAsync(string user = ProxyFixture.UserA) =>
        RawRespClient.ConnectAuthenticatedAsync(_second.Port, user, ProxyFixture.Password);

    [Fact]
    public async Task A_client_blocked_on_one_proxy_wakes_when_the_other_proxy_pushes()
    {
        var k = ProxyFixture.Key("x");
        using var blocked = await fixture.RawAsync();
        using var control = await fixture.RawAsync();
        using var pusher = await SecondAsync();
        blocked.Send(RawRespClient.Command("BLPOP", k, "0"));
        await WaitUntilBlockedAsync(control, 1);
        await pusher.CommandAsync("RPUSH", k, "from B");
        Assert.Equal(Array(k, "from B"), await blocked.ReadReplyAsync(Wait));

        blocked.Send(RawRespClient.Command("BLMOVE", k, k + ":done", "LEFT", "LEFT", "0"));
        await WaitUntilBlockedAsync(control, 1);
        await pusher.CommandAsync("RPUSH", k, "moved");
        Assert.Equal(Bulk("moved"), await blocked.ReadReplyAsync(Wait));
        Assert.Equal(Array("moved"), await pusher.CommandAsync("LRANGE", k + ":done", "0", "-1"));
    }

    [Fact]
    public async Task Another_tenants_push_through_the_other_proxy_does_not_wake_the_client()
    {
        var k = ProxyFixture.Key("q");
        using var blockedB = await fixture.RawAsync(ProxyFixture.UserB);
        using var control = await fixture.RawAsync();
        using var pusherA = await SecondAsync();
        blockedB.Send(RawRespClient.Command("BLPOP", k, "0"));
        await WaitUntilBlockedAsync(control, 1);
        await pusherA.CommandAsync("RPUSH", k, "for A");
        await Task.Delay(500);
        Assert.Empty(await blockedB.ReadAvailableAsync(TimeSpan.FromMilliseconds(50)));
        using var pusherB = await SecondAsync(ProxyFixture.UserB);
        await pusherB.CommandAsync("RPUSH", k, "for B");
        Assert.Equal(Array(k, "for B"), await blockedB.ReadReplyAsync(Wait));
    }

    [Fact]
    public async Task Fifty_producers_and_fifty_brpop_workers_over_two_proxies_deliver_every_item_exactly_once()
    {
        var queue = ProxyFixture.Key("jobs");
        const int producers = 50, perProducer = 200, workers = 50;
        var ports = new[] { fixture.Port, _second.Port };
        var taken = new ConcurrentBag<string>();
        int producing = producers;

        async Task Produce(int p)
        {
            using var client = await RawRespClient.ConnectAuthenticatedAsync(ports[p % 2], ProxyFixture.UserA, ProxyFixture.Password);
            for (int n = 0; n < perProducer; n++)
                Assert.StartsWith(":", await client.CommandAsync("LPUSH", queue, $"{p}-{n}"));
            Interlocked.Decrement(ref producing);
        }

        async Task Work(int w)
        {
            using var client = await RawRespClient.ConnectAuthenticatedAsync(ports[w % 2], ProxyFixture.UserA, ProxyFixture.Password);
            while (true)
            {
                var reply = await client.CommandAsync("BRPOP", queue, "1");
                if (reply == "*-1\r\n")
                {
                    if (Volatile.Read(ref producing) == 0) return;
                    continue;
                }
                var lines = reply.Split("\r\n");
                Assert.Equal("*2", lines[0]);
                taken.Add(lines[4]);
            }
        }

        var working = Enumerable.Range(0, workers).Select(Work).ToList();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(Produce));
        await Task.WhenAll(working);
        Assert.Equal(producers * perProducer, taken.Count);
        Assert.Equal(producers * perProducer, taken.Distinct().Count());
        using var check = await fixture.RawAsync();
        Assert.Equal(Int(0), await check.CommandAsync("LLEN", queue));
    }

    [Fact]
    public async Task A_proxy_polls_the_feed_only_while_a_client_is_blocked_and_at_most_once_per_interval()
    {
        using var client = await SecondAsync();
        var k = ProxyFixture.Key("p");
        await client.CommandAsync("RPUSH", k, "a");
        await client.CommandAsync("LPOP", k);
        await Task.Delay(300);
        Assert.Equal(0, await PollsAsync(client));

        using var blocked = await SecondAsync();
        Assert.Equal("*-1\r\n", await blocked.CommandAsync("BLPOP", k, "1"));
        long afterOneSecond = await PollsAsync(client);
        // events.poll_ms is 20: about 50 polls in a second, never more than one per interval (plus the first).
        Assert.InRange(afterOneSecond, 1, 1000 / 20 + 2);
        await Task.Delay(300);
        long settled = await PollsAsync(client);
        await Task.Delay(500);
        Assert.Equal(settled, await PollsAsync(client));
    }

    private static async Task<long> PollsAsync(RawRespClient raw)
    {
        var info = await raw.CommandAsync("INFO", "stats");
        var line = info.Split("\r\n").First(l => l.StartsWith("event_feed_polls:", StringComparison.Ordinal));
        return long.Parse(line["event_feed_polls:".Length..]);
    }
}
