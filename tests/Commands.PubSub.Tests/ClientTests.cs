using System.Collections.Concurrent;
using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.PubSub.Tests;

/// <summary>Real clients: StackExchange.Redis's subscriber connection and redis-cli; and a subscriber that stops reading.</summary>
[Collection(PubSubCollection.Name)]
public class ClientTests(PubSubFixture fixture)
{
    [Fact]
    public async Task StackExchange_redis_subscribers_receive_channel_and_pattern_messages()
    {
        var channel = ProxyFixture.Key("se");
        await using var connection = await fixture.ConnectAsync();
        var subscriber = connection.GetSubscriber();
        var received = new ConcurrentQueue<string>();
        var all = new TaskCompletionSource();
        void Record(RedisChannel from, RedisValue value)
        {
            received.Enqueue($"{from}={value}");
            if (received.Count == 2) all.TrySetResult();
        }
        await subscriber.SubscribeAsync(RedisChannel.Literal(channel), Record);
        await subscriber.SubscribeAsync(RedisChannel.Pattern(channel[..^4] + "*"), Record);
        Assert.Equal(2, await connection.GetDatabase().PublishAsync(RedisChannel.Literal(channel), "hello"));
        await all.Task.WaitAsync(PubSubFixture.Wait);
        Assert.Equal([$"{channel}=hello", $"{channel}=hello"], received.ToArray());
        await subscriber.UnsubscribeAllAsync();
        Assert.Equal(0, await connection.GetDatabase().PublishAsync(RedisChannel.Literal(channel), "after"));
    }

    [Fact]
    public async Task Redis_cli_subscribe_prints_what_another_client_publishes()
    {
        var channel = ProxyFixture.Key("cli");
        using var publisher = await fixture.RawAsync();
        // redis-cli SUBSCRIBE runs until stopped: `timeout` ends it after 5 s and its output is read then.
        var cli = ProcessRunner.RunAsync(ProcessRunner.FindExecutable("timeout"),
            ["5", ProcessRunner.FindExecutable("redis-cli"), "-h", "127.0.0.1", "-p", fixture.Port.ToString(), "--raw",
                .. RedisCli.AuthArgs(ProxyFixture.UserA, ProxyFixture.Password), "SUBSCRIBE", channel],
            TimeSpan.FromSeconds(30));
        await PubSubFixture.WaitForCountAsync(publisher, channel, 1);
        Assert.Equal(Int(1), await publisher.CommandAsync("PUBLISH", channel, "hello from raw"));
        var output = (await cli).Combined.Replace("\r", "");
        Assert.True(output.Contains($"subscribe\n{channel}\n1\nmessage\n{channel}\nhello from raw"), output);
    }

    [Fact]
    public async Task A_subscriber_that_stops_reading_is_disconnected_at_the_output_limit_and_the_others_keep_receiving()
    {
        var channel = ProxyFixture.Key("slow");
        using var slow = await fixture.RawAsync();
        using var healthy = await fixture.RawAsync();
        using var publisher = await fixture.RawAsync();
        await slow.CommandAsync("SUBSCRIBE", channel);
        await healthy.CommandAsync("SUBSCRIBE", channel);
        var payload = new string('x', 1 << 20);
        var drained = DrainAsync(healthy, 64);
        // 64 MB to a client that reads nothing: past client-output-buffer-limit pubsub's 32 MB hard limit.
        for (int i = 0; i < 64; i++) await publisher.CommandAsync("PUBLISH", channel, payload);
        Assert.Equal(64, await drained);
        Assert.True(await slow.IsClosedByServerAsync(TimeSpan.FromSeconds(30)));
        await PubSubFixture.WaitForCountAsync(publisher, channel, 1);
    }

    private static async Task<int> DrainAsync(RawRespClient client, int expected)
    {
        int count = 0;
        while (count < expected)
        {
            await client.ReadReplyBytesAsync(TimeSpan.FromSeconds(30));
            count++;
        }
        return count;
    }
}

public class DisabledFamilyTests(PubSubDisabledFixture fixture) : IClassFixture<PubSubDisabledFixture>
{
    [Fact]
    public async Task Disabling_the_pubsub_family_makes_every_pubsub_command_unknown()
    {
        using var client = await fixture.RawAsync();
        foreach (var command in new[] { "SUBSCRIBE", "UNSUBSCRIBE", "PSUBSCRIBE", "PUNSUBSCRIBE", "SSUBSCRIBE", "SUNSUBSCRIBE", "PUBLISH", "SPUBLISH", "PUBSUB" })
            Assert.Equal($"-ERR unknown command '{command}', with args beginning with: 'c' \r\n", await client.CommandAsync(command, "c"));
    }
}
