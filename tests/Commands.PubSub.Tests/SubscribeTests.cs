using System.Text;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.PubSub.Tests;

/// <summary>The subscribe family and PUBLISH on one proxy, byte for byte as Redis 7.0 answers (RESP2).</summary>
[Collection(PubSubCollection.Name)]
public class SubscribeTests(PubSubFixture fixture)
{
    private static string Confirm(string verb, string? name, long count) =>
        "*3\r\n" + Bulk(verb) + (name is null ? "$-1\r\n" : Bulk(name)) + Int(count);

    private static string Message(string channel, string payload) => Array("message", channel, payload);

    [Fact]
    public async Task Subscribe_confirms_each_channel_and_receives_what_is_published_after()
    {
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b");
        using var subscriber = await fixture.RawAsync();
        using var publisher = await fixture.RawAsync();
        Assert.Equal(Int(0), await publisher.CommandAsync("PUBLISH", a, "before"));
        subscriber.Send(RawRespClient.Command("SUBSCRIBE", a, b, a));
        Assert.Equal(Confirm("subscribe", a, 1), await subscriber.ReadReplyAsync());
        Assert.Equal(Confirm("subscribe", b, 2), await subscriber.ReadReplyAsync());
        Assert.Equal(Confirm("subscribe", a, 2), await subscriber.ReadReplyAsync());
        Assert.Equal(Int(1), await publisher.CommandAsync("PUBLISH", a, "one"));
        Assert.Equal(Int(1), await publisher.CommandAsync("PUBLISH", b, "two"));
        Assert.Equal(Message(a, "one"), await subscriber.ReadReplyAsync());
        Assert.Equal(Message(b, "two"), await subscriber.ReadReplyAsync());
        Assert.Empty(await subscriber.ReadAvailableAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Patterns_and_channels_each_deliver_and_count()
    {
        string prefix = ProxyFixture.Key("news"), channel = prefix + ".sport";
        using var subscriber = await fixture.RawAsync();
        using var publisher = await fixture.RawAsync();
        subscriber.Send(RawRespClient.Command("PSUBSCRIBE", prefix + ".*", prefix + ".[st]port"));
        Assert.Equal(Confirm("psubscribe", prefix + ".*", 1), await subscriber.ReadReplyAsync());
        Assert.Equal(Confirm("psubscribe", prefix + ".[st]port", 2), await subscriber.ReadReplyAsync());
        Assert.Equal(Confirm("subscribe", channel, 3), await subscriber.CommandAsync("SUBSCRIBE", channel));
        Assert.Equal(Int(3), await publisher.CommandAsync("PUBLISH", channel, "goal"));
        var received = new[] { await subscriber.ReadReplyAsync(), await subscriber.ReadReplyAsync(), await subscriber.ReadReplyAsync() };
        Assert.Contains(Message(channel, "goal"), received);
        Assert.Contains(Array("pmessage", prefix + ".*", channel, "goal"), received);
        Assert.Contains(Array("pmessage", prefix + ".[st]port", channel, "goal"), received);
        Assert.Equal(Int(1), await publisher.CommandAsync("PUBLISH", prefix + ".weather", "rain"));
        Assert.Equal(Array("pmessage", prefix + ".*", prefix + ".weather", "rain"), await subscriber.ReadReplyAsync());
        Assert.Equal(Confirm("punsubscribe", prefix + ".*", 2), await subscriber.CommandAsync("PUNSUBSCRIBE", prefix + ".*"));
        Assert.Equal(Int(2), await publisher.CommandAsync("PUBLISH", channel, "again"));
    }

    [Fact]
    public async Task Shard_channels_are_apart_from_channels()
    {
        var channel = ProxyFixture.Key("shard");
        using var subscriber = await fixture.RawAsync();
        using var publisher = await fixture.RawAsync();
        Assert.Equal(Confirm("ssubscribe", channel, 1), await subscriber.CommandAsync("SSUBSCRIBE", channel));
        Assert.Equal(Int(0), await publisher.CommandAsync("PUBLISH", channel, "plain"));
        Assert.Equal(Int(1), await publisher.CommandAsync("SPUBLISH", channel, "sharded"));
        Assert.Equal(Array("smessage", channel, "sharded"), await subscriber.ReadReplyAsync());
        Assert.Equal("*2\r\n" + Bulk(channel) + Int(1), await publisher.CommandAsync("PUBSUB", "SHARDNUMSUB", channel));
        Assert.Equal(Confirm("sunsubscribe", channel, 0), await subscriber.CommandAsync("SUNSUBSCRIBE"));
        Assert.Equal("+PONG\r\n", await subscriber.CommandAsync("PING"));
    }

    [Fact]
    public async Task Unsubscribe_forms_answer_as_redis()
    {
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b");
        using var client = await fixture.RawAsync();
        Assert.Equal(Confirm("unsubscribe", null, 0), await client.CommandAsync("UNSUBSCRIBE"));
        Assert.Equal(Confirm("punsubscribe", null, 0), await client.CommandAsync("PUNSUBSCRIBE"));
        Assert.Equal(Confirm("unsubscribe", a, 0), await client.CommandAsync("UNSUBSCRIBE", a));
        client.Send(RawRespClient.Command("SUBSCRIBE", a, b));
        await client.ReadReplyAsync();
        await client.ReadReplyAsync();
        Assert.Equal(Confirm("unsubscribe", "other", 2), await client.CommandAsync("UNSUBSCRIBE", "other"));
        client.Send(RawRespClient.Command("UNSUBSCRIBE"));
        // Without names every held channel is left, in no particular order, each reply counting down.
        var first = await client.ReadReplyAsync();
        var second = await client.ReadReplyAsync();
        Assert.True(first == Confirm("unsubscribe", a, 1) && second == Confirm("unsubscribe", b, 0)
                    || first == Confirm("unsubscribe", b, 1) && second == Confirm("unsubscribe", a, 0), first + second);
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task The_subscribed_context_allows_only_the_subscribe_family_ping_quit_and_reset()
    {
        var channel = ProxyFixture.Key("ctx");
        using var client = await fixture.RawAsync();
        using var publisher = await fixture.RawAsync();
        await client.CommandAsync("SUBSCRIBE", channel);
        Assert.Equal("-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n",
            await client.CommandAsync("GET", "x"));
        Assert.Equal("-ERR Can't execute 'publish': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n",
            await client.CommandAsync("PUBLISH", channel, "m"));
        Assert.Equal(Array("pong", ""), await client.CommandAsync("PING"));
        Assert.Equal(Array("pong", "hi"), await client.CommandAsync("PING", "hi"));
        Assert.Equal("-ERR wrong number of arguments for 'subscribe' command\r\n", await client.CommandAsync("SUBSCRIBE"));
        Assert.Equal("+RESET\r\n", await client.CommandAsync("RESET"));
        Assert.Equal(Int(0), await publisher.CommandAsync("PUBLISH", channel, "gone"));
        // RESET also signs the client out, as Redis does with a password set.
        Assert.Equal("+OK\r\n", await client.CommandAsync("AUTH", ProxyFixture.UserA, ProxyFixture.Password));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
        Assert.Empty(await client.ReadAvailableAsync(TimeSpan.FromMilliseconds(100)));
        await client.CommandAsync("SUBSCRIBE", channel);
        Assert.Equal("+OK\r\n", await client.CommandAsync("QUIT"));
        Assert.True(await client.IsClosedByServerAsync(PubSubFixture.Wait));
        await PubSubFixture.WaitForCountAsync(publisher, channel, 0);
    }

    [Theory]
    [MemberData(nameof(BinarySamples.Bytes), MemberType = typeof(BinarySamples))]
    public async Task Binary_channels_and_messages_arrive_unchanged(byte[] sample)
    {
        byte[] channel = [.. System.Text.Encoding.UTF8.GetBytes(ProxyFixture.Key("bin")), .. sample];
        using var subscriber = await fixture.RawAsync();
        using var publisher = await fixture.RawAsync();
        await subscriber.CommandBytesAsync(Args("SUBSCRIBE", channel));
        Assert.Equal(Encoding.ASCII.GetBytes(Int(1)), await publisher.CommandBytesAsync(Args("PUBLISH", channel, sample)));
        Assert.Equal(ArrayBytes("message"u8.ToArray(), channel, sample), await subscriber.ReadReplyBytesAsync());
    }

    [Fact]
    public async Task A_publish_of_another_tenant_reaches_nobody()
    {
        var channel = ProxyFixture.Key("news");
        using var subscriberA = await fixture.RawAsync();
        using var publisherB = await fixture.RawAsync(ProxyFixture.UserB);
        await subscriberA.CommandAsync("SUBSCRIBE", channel);
        Assert.Equal(Int(0), await publisherB.CommandAsync("PUBLISH", channel, "from B"));
        Assert.Equal(Array(), await publisherB.CommandAsync("PUBSUB", "CHANNELS", channel));
        Assert.Equal(Empty(channel), await publisherB.CommandAsync("PUBSUB", "NUMSUB", channel));
        Assert.Empty(await subscriberA.ReadAvailableAsync(TimeSpan.FromMilliseconds(300)));
    }

    private static string Empty(string channel) => "*2\r\n" + Bulk(channel) + Int(0);
}
