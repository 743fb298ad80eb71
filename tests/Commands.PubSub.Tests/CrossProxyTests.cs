using System.Collections.Concurrent;
using MySqlConnector;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.PubSub.Tests;

/// <summary>Pub/Sub with several proxies on one database: delivery, counts, dead proxies and the feed's ordering guarantees.</summary>
[Collection(PubSubCollection.Name)]
public class CrossProxyTests(PubSubFixture fixture) : IAsyncLifetime
{
    private ProxyProcess _second = null!;

    public async Task InitializeAsync() => _second = await fixture.StartProxyAsync();

    public async Task DisposeAsync() => await _second.DisposeAsync();

    [Fact]
    public async Task A_subscriber_on_one_proxy_receives_what_the_other_publishes_and_both_count_it()
    {
        string channel = ProxyFixture.Key("news"), pattern = channel[..^4] + "*";
        using var subscriberA = await fixture.RawAsync();
        using var patternB = await PubSubFixture.RawAsync(_second);
        using var publisherB = await PubSubFixture.RawAsync(_second);
        using var publisherA = await fixture.RawAsync();
        await subscriberA.CommandAsync("SUBSCRIBE", channel);
        await patternB.CommandAsync("PSUBSCRIBE", pattern);
        Assert.Equal(Int(2), await publisherB.CommandAsync("PUBLISH", channel, "hello"));
        Assert.Equal(Array("message", channel, "hello"), await subscriberA.ReadReplyAsync(PubSubFixture.Wait));
        Assert.Equal(Array("pmessage", pattern, channel, "hello"), await patternB.ReadReplyAsync(PubSubFixture.Wait));
        Assert.Equal(Int(2), await publisherA.CommandAsync("PUBLISH", channel, "back"));
        Assert.Equal(Array("pmessage", pattern, channel, "back"), await patternB.ReadReplyAsync(PubSubFixture.Wait));

        foreach (var publisher in new[] { publisherA, publisherB })
        {
            Assert.Equal("*4\r\n" + Bulk(channel) + Int(1) + Bulk(pattern) + Int(0),
                await publisher.CommandAsync("PUBSUB", "NUMSUB", channel, pattern));
            Assert.Equal(Array(channel), await publisher.CommandAsync("PUBSUB", "CHANNELS", channel[..^4] + "*"));
            // Other tests' patterns may still be held: at least this one counts.
            Assert.Matches(@"^:[1-9][0-9]*\r\n$", await publisher.CommandAsync("PUBSUB", "NUMPAT"));
        }
    }

    [Fact]
    public async Task A_message_committed_later_with_a_smaller_id_is_still_delivered_once_and_in_its_place()
    {
        var channel = ProxyFixture.Key("gap");
        using var subscriberA = await fixture.RawAsync();
        using var publisherB = await PubSubFixture.RawAsync(_second);
        await subscriberA.CommandAsync("SUBSCRIBE", channel);
        // A publisher whose insert takes an id first and commits last, as a slow transaction on a third proxy would.
        await using var slow = await fixture.RootAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var insert = new MySqlCommand(
            "INSERT INTO events (tenant, db, kind, topic, payload, origin, created_at) VALUES ('tenantA', 0, 2, @topic, 'slow', 42, @now)",
            slow, transaction))
        {
            insert.Parameters.AddWithValue("@topic", System.Text.Encoding.UTF8.GetBytes(channel));
            insert.Parameters.AddWithValue("@now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync();
        }
        Assert.Equal(Int(1), await publisherB.CommandAsync("PUBLISH", channel, "fast"));
        Assert.Equal(Array("message", channel, "fast"), await subscriberA.ReadReplyAsync(PubSubFixture.Wait));
        await Task.Delay(200); // several polls pass the slow insert's id while it is uncommitted
        await transaction.CommitAsync();
        Assert.Equal(Array("message", channel, "slow"), await subscriberA.ReadReplyAsync(PubSubFixture.Wait));
        Assert.Equal(Int(1), await publisherB.CommandAsync("PUBLISH", channel, "after"));
        Assert.Equal(Array("message", channel, "after"), await subscriberA.ReadReplyAsync(PubSubFixture.Wait));
        Assert.Empty(await subscriberA.ReadAvailableAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Ten_thousand_messages_from_four_publishers_reach_twenty_subscribers_on_two_proxies_once_and_in_order()
    {
        const int publishers = 4, perPublisher = 2500, subscribers = 20;
        var channel = ProxyFixture.Key("load");
        var proxies = new[] { fixture.Proxy, _second };
        var listeners = new List<RawRespClient>();
        for (int i = 0; i < subscribers; i++)
        {
            var listener = await PubSubFixture.RawAsync(proxies[i % 2]);
            await listener.CommandAsync("SUBSCRIBE", channel);
            listeners.Add(listener);
        }
        var received = listeners.Select(l => ReceiveAsync(l, channel, publishers * perPublisher)).ToList();
        var counts = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, publishers).Select(async p =>
        {
            using var publisher = await PubSubFixture.RawAsync(proxies[p % 2]);
            for (int n = 0; n < perPublisher; n++) counts.Add(await publisher.CommandAsync("PUBLISH", channel, $"{p}:{n}"));
        }));
        Assert.All(counts, reply => Assert.Equal(Int(subscribers), reply));
        foreach (var messages in await Task.WhenAll(received))
        {
            Assert.Equal(publishers * perPublisher, messages.Count);
            Assert.Equal(messages.Count, messages.Distinct().Count());
            for (int p = 0; p < publishers; p++)
            {
                var own = messages.Where(m => m.StartsWith($"{p}:")).Select(m => int.Parse(m[(m.IndexOf(':') + 1)..])).ToList();
                Assert.Equal(Enumerable.Range(0, perPublisher), own);
            }
        }
        foreach (var listener in listeners) listener.Dispose();
    }

    private static async Task<List<string>> ReceiveAsync(RawRespClient listener, string channel, int expected)
    {
        var prefix = "*3\r\n" + Bulk("message") + Bulk(channel);
        var messages = new List<string>(expected);
        while (messages.Count < expected)
        {
            var reply = await listener.ReadReplyAsync(TimeSpan.FromSeconds(60));
            Assert.StartsWith(prefix, reply);
            var payload = reply[prefix.Length..];
            messages.Add(payload[(payload.IndexOf('\n') + 1)..^2]);
        }
        return messages;
    }

    [Fact]
    public async Task The_subscriptions_of_a_proxy_that_died_stop_counting_and_are_cleaned_up()
    {
        var channel = ProxyFixture.Key("dying");
        await using var doomed = await fixture.StartProxyAsync();
        using var subscriber = await PubSubFixture.RawAsync(doomed);
        using var publisher = await fixture.RawAsync();
        await subscriber.CommandAsync("SUBSCRIBE", channel);
        Assert.Equal(Int(1), await publisher.CommandAsync("PUBLISH", channel, "alive"));
        doomed.Kill();
        // Two heartbeats of 1 s: the subscription stops counting within about 2 s of the last heartbeat.
        await PubSubFixture.WaitForCountAsync(publisher, channel, 0);
        Assert.Equal(Int(0), await publisher.CommandAsync("PUBLISH", channel, "dead"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await fixture.CountAsync("SELECT COUNT(*) FROM pubsub_subscriptions WHERE name = " + MariaDbServer.QuoteString(channel)) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the dead proxy's subscription rows were never cleaned up");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_proxy_that_shuts_down_cleanly_leaves_no_subscription_behind()
    {
        var channel = ProxyFixture.Key("leaving");
        await using var leaving = await fixture.StartProxyAsync();
        using var subscriber = await PubSubFixture.RawAsync(leaving);
        await subscriber.CommandAsync("SUBSCRIBE", channel);
        Assert.True(await leaving.TerminateAsync(PubSubFixture.Wait));
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM pubsub_subscriptions WHERE name = " + MariaDbServer.QuoteString(channel)));
    }

    [Fact]
    public async Task Messages_older_than_the_ttl_are_reclaimed()
    {
        var channel = ProxyFixture.Key("old");
        await using var reclaiming = await fixture.StartProxyAsync(new Dictionary<string, string> { ["REDIS_MYSQL_PUBSUB_MESSAGE_TTL_SECS"] = "1" });
        using var publisher = await PubSubFixture.RawAsync(reclaiming);
        await publisher.CommandAsync("PUBLISH", channel, "soon gone");
        var count = "SELECT COUNT(*) FROM events WHERE kind = 2 AND topic = " + MariaDbServer.QuoteString(channel);
        Assert.Equal(1, await fixture.CountAsync(count));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await fixture.CountAsync(count) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the message was never reclaimed");
            await Task.Delay(200);
        }
    }
}
