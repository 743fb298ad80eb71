using System.Text;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.PubSub.Tests;

/// <summary>Keyspace notifications across proxies: the tenant's setting is kept in MySQL and honoured by every proxy.</summary>
[Collection(PubSubCollection.Name)]
public class KeyspaceNotificationTests(PubSubFixture fixture)
{
    private static string PMessage(string channel, string payload) => Array("pmessage", "__key*__:*", channel, payload);

    [Fact]
    public async Task A_setting_made_through_one_proxy_makes_writes_through_another_publish_redis_messages()
    {
        await using var writerProxy = await fixture.StartProxyAsync(new Dictionary<string, string> { ["REDIS_MYSQL_EXPIRE_CLEANUP_INTERVAL_SECS"] = "1" });
        using var config = await fixture.RawAsync();
        using var subscriber = await fixture.RawAsync();
        using var writer = await PubSubFixture.RawAsync(writerProxy);
        string k = ProxyFixture.Key("k"), l = ProxyFixture.Key("l"), h = ProxyFixture.Key("h"), e = ProxyFixture.Key("e");
        try
        {
            Assert.Equal("+OK\r\n", await config.CommandAsync("CONFIG", "SET", "notify-keyspace-events", "KEA"));
            Assert.Equal(Array("notify-keyspace-events", "AKE"), await writer.CommandAsync("CONFIG", "GET", "notify-keyspace-events"));
            await subscriber.CommandAsync("PSUBSCRIBE", "__key*__:*");
            await writer.CommandAsync("SET", k, "v");
            await writer.CommandAsync("LPUSH", l, "a", "b");
            await writer.CommandAsync("HSET", h, "f", "v");
            await writer.CommandAsync("SET", e, "v", "PX", "100");
            string[] expected =
            [
                PMessage("__keyspace@0__:" + k, "set"), PMessage("__keyevent@0__:set", k),
                PMessage("__keyspace@0__:" + l, "lpush"), PMessage("__keyevent@0__:lpush", l),
                PMessage("__keyspace@0__:" + h, "hset"), PMessage("__keyevent@0__:hset", h),
                PMessage("__keyspace@0__:" + e, "set"), PMessage("__keyevent@0__:set", e),
                PMessage("__keyspace@0__:" + e, "expire"), PMessage("__keyevent@0__:expire", e),
                // The writer's sweeper (every second here) deletes the expired key and says so.
                PMessage("__keyspace@0__:" + e, "expired"), PMessage("__keyevent@0__:expired", e),
            ];
            foreach (var message in expected) Assert.Equal(message, await subscriber.ReadReplyAsync(TimeSpan.FromSeconds(15)));
        }
        finally
        {
            await config.CommandAsync("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }

    [Fact]
    public async Task A_proxy_serving_only_merged_reads_takes_up_a_keymiss_setting_made_through_another()
    {
        await using var readerProxy = await fixture.StartProxyAsync();
        using var config = await fixture.RawAsync();
        using var subscriber = await fixture.RawAsync();
        using var reader = await PubSubFixture.RawAsync(readerProxy);
        string missing = ProxyFixture.Key("missing");
        try
        {
            Assert.Equal("$-1\r\n", await reader.CommandAsync("GET", missing));
            await subscriber.CommandAsync("PSUBSCRIBE", "__key*__:*");
            Assert.Equal("+OK\r\n", await config.CommandAsync("CONFIG", "SET", "notify-keyspace-events", "KEm"));
            // The reader's proxy had read the setting as empty; its GETs are merged plans until it reads it again.
            string? first = null;
            for (int i = 0; i < 100 && first is null; i++)
            {
                Assert.Equal("$-1\r\n", await reader.CommandAsync("GET", missing));
                var pushed = Encoding.UTF8.GetString(await subscriber.ReadAvailableAsync(TimeSpan.FromMilliseconds(50)));
                if (pushed.Length > 0) first = pushed;
            }
            Assert.NotNull(first);
            Assert.StartsWith(PMessage("__keyspace@0__:" + missing, "keymiss"), first);
        }
        finally
        {
            await config.CommandAsync("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }

    [Fact]
    public async Task Notifications_stay_within_the_tenant()
    {
        using var configA = await fixture.RawAsync();
        using var subscriberB = await fixture.RawAsync(ProxyFixture.UserB);
        using var writerA = await fixture.RawAsync();
        try
        {
            await configA.CommandAsync("CONFIG", "SET", "notify-keyspace-events", "KEA");
            Assert.Equal(Array("notify-keyspace-events", ""), await subscriberB.CommandAsync("CONFIG", "GET", "notify-keyspace-events"));
            await subscriberB.CommandAsync("PSUBSCRIBE", "__key*__:*");
            await writerA.CommandAsync("SET", ProxyFixture.Key("a"), "v");
            Assert.Empty(await subscriberB.ReadAvailableAsync(TimeSpan.FromMilliseconds(300)));
        }
        finally
        {
            await configA.CommandAsync("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }
}
