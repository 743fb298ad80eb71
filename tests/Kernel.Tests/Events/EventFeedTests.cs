using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Events;

/// <summary>The feed's poller against a real MariaDB, with writers committing out of id order.</summary>
public sealed class EventFeedTests : IAsyncLifetime
{
    private readonly string _database = MariaDbServer.Shared.CreateDatabase();
    private readonly ProxyOptions _options = new() { Events = { PollMs = 20 } };
    private EventFeed _feed = null!;
    private RecordingListener _listener = null!;

    public Task InitializeAsync()
    {
        var server = MariaDbServer.Shared;
        server.CreateUser(ProxyFixture.UserA, ProxyFixture.Password, _database);
        _options.MysqlAddr = server.Address;
        _options.MysqlDatabase = _database;
        var pools = new BackendPools(_options);
        pools.GetOrCreate(ProxyFixture.UserA, ProxyFixture.Password).Proven = true;
        var policy = new RetryPolicy(3, 1, 4, 0);
        _feed = new EventFeed(pools, _options, new RetryPolicies(policy, policy),
            new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), NullLogger<EventFeed>.Instance);
        _listener = new RecordingListener();
        _feed.AddListener(_listener);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _listener.Listening = false;
        MariaDbServer.Shared.DropDatabase(_database);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_transaction_that_took_a_smaller_id_and_committed_later_is_delivered_exactly_once()
    {
        await StartPollingAsync();

        await using var slow = await OpenAsync();
        await using var slowTx = await slow.BeginTransactionAsync();
        await InsertAsync(slow, slowTx, "slow");
        await using (var fast = await OpenAsync())
            await InsertAsync(fast, null, "fast");

        await _listener.WaitForAsync("fast");
        Assert.DoesNotContain("slow", _listener.Topics);
        await slowTx.CommitAsync();
        await _listener.WaitForAsync("slow");

        await using (var after = await OpenAsync())
            await InsertAsync(after, null, "after");
        await _listener.WaitForAsync("after");
        await Task.Delay(200);
        Assert.Equal(["fast", "slow", "after"], _listener.Topics.Where(t => t != "start").ToList());
    }

    [Fact]
    public async Task Many_writers_on_many_connections_lose_and_repeat_nothing()
    {
        await StartPollingAsync();
        const int writers = 8, perWriter = 60;
        async Task Write(int w)
        {
            await using var connection = await OpenAsync();
            for (int i = 0; i < perWriter; i++)
            {
                await using var tx = await connection.BeginTransactionAsync();
                await InsertAsync(connection, tx, $"w{w}-{i}");
                // Hold some transactions open so ids commit out of order.
                if (i % 3 == w % 3) await Task.Delay(Random.Shared.Next(1, 15));
                await tx.CommitAsync();
            }
        }
        await Task.WhenAll(Enumerable.Range(0, writers).Select(Write));
        await _listener.WaitForCountAsync(writers * perWriter + 1);
        await Task.Delay(300);
        var written = _listener.Topics.Where(t => t != "start").ToList();
        Assert.Equal(writers * perWriter, written.Count);
        Assert.Equal(writers * perWriter, written.Distinct().Count());
    }

    [Fact]
    public async Task No_listener_listening_means_no_poll()
    {
        _listener.Listening = false;
        _feed.Wake();
        await Task.Delay(200);
        Assert.Equal(0, _feed.Polls);
        _listener.Listening = true;
        _feed.Wake();
        // The first poll opens a connection, which may take a while on a loaded machine; then count over a window.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_feed.Polls == 0) { Assert.True(DateTime.UtcNow < deadline, "the feed never polled"); await Task.Delay(10); }
        long started = _feed.Polls;
        await Task.Delay(300);
        Assert.InRange(_feed.Polls - started, 1, 300 / _options.Events.PollMs + 2);
        _listener.Listening = false;
        await Task.Delay(100);
        long stopped = _feed.Polls;
        await Task.Delay(200);
        Assert.Equal(stopped, _feed.Polls);
    }

    [Fact]
    public async Task Catching_up_waits_for_a_poll_that_sees_everything_committed_before()
    {
        await StartPollingAsync();
        await using (var connection = await OpenAsync()) await InsertAsync(connection, null, "before");
        await _feed.CatchUpAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("before", _listener.Topics);
    }

    [Fact]
    public async Task A_listener_can_ask_for_a_shorter_interval_than_events_poll_ms()
    {
        _options.Events.PollMs = 1000;
        _listener.MaxPollMs = 20;
        _listener.Listening = true;
        _feed.Wake();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_feed.Polls == 0) { Assert.True(DateTime.UtcNow < deadline, "the feed never polled"); await Task.Delay(10); }
        long started = _feed.Polls;
        await Task.Delay(500);
        _listener.Listening = false;
        // At 1000 ms a poll, 500 ms would hold one at most; at the listener's 20 ms, about 25.
        Assert.InRange(_feed.Polls - started, 5, 500 / 20 + 2);
    }

    /// <summary>Starts the poller and waits until it has placed its cursor (it has seen the "start" event).</summary>
    private async Task StartPollingAsync()
    {
        _listener.Listening = true;
        _feed.Wake();
        await using (var connection = await OpenAsync()) await InsertAsync(connection, null, "start");
        await _listener.WaitForAsync("start");
    }

    private Task<MySqlConnection> OpenAsync() =>
        MariaDbServer.Shared.OpenRootConnectionAsync(_database);

    private static async Task InsertAsync(MySqlConnection connection, MySqlTransaction? tx, string topic)
    {
        await using var command = new MySqlCommand(
            "INSERT INTO events (tenant, db, kind, topic, origin, created_at) VALUES ('tenantA', 0, 1, @topic, 1, 0)", connection, tx);
        command.Parameters.AddWithValue("@topic", Encoding.UTF8.GetBytes(topic));
        await command.ExecuteNonQueryAsync();
    }

    private sealed class RecordingListener : IEventListener
    {
        private readonly ConcurrentQueue<string> _topics = new();

        public bool Listening { get; set; }
        public bool IsListening => Listening;
        public int? MaxPollMs { get; set; }
        public List<string> Topics => [.. _topics];

        public void OnEvent(FeedEvent e) => _topics.Enqueue(Encoding.UTF8.GetString(e.Topic));

        public async Task WaitForAsync(string topic)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!_topics.Contains(topic))
            {
                Assert.True(DateTime.UtcNow < deadline, $"event '{topic}' never arrived; got {string.Join(",", _topics)}");
                await Task.Delay(10);
            }
        }

        public async Task WaitForCountAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (_topics.Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{_topics.Count} of {count} events arrived");
                await Task.Delay(10);
            }
        }
    }
}
