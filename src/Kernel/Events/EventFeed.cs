using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Events;

/// <summary>
/// The kernel's one way for a proxy to learn what happened on another (DESIGN.md, "Cross-proxy events"). Writers
/// append an event in the transaction of their data (<see cref="ISqlRunner.AppendEventAsync"/>); at commit this proxy's
/// listeners get it in memory at once. Other proxies read it with one poller each: one query per events.poll_ms
/// whatever the number of waiting clients, none while no listener is listening, starting again on demand.
/// </summary>
public sealed class EventFeed
{
    private readonly BackendPools _pools;
    private readonly ProxyOptions _options;
    private readonly RetryPolicies _retry;
    private readonly ILogger<EventFeed> _logger;
    private readonly CancellationToken _stopping;
    private readonly Lock _gate = new();
    // Copied on write: listeners are added at startup, and every commit that appended an event reads them.
    private IEventListener[] _listeners = [];
    private bool _polling;
    private long _polls;
    // Callers of CatchUpAsync waiting for the next poll to start, and those whose poll is under way.
    private List<TaskCompletionSource> _catchUpNext = [];

    public EventFeed(BackendPools pools, ProxyOptions options, RetryPolicies retry, IHostApplicationLifetime lifetime,
        ILogger<EventFeed> logger)
    {
        _pools = pools;
        _options = options;
        _retry = retry;
        _logger = logger;
        _stopping = lifetime.ApplicationStopping;
    }

    /// <summary>This proxy's mark on the events it writes, so its poller skips what it already delivered.</summary>
    public ulong Origin { get; } = (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>Each tenant's notify-keyspace-events: keyspace notifications are messages on this feed.</summary>
    public NotificationSettings Notifications { get; } = new();

    /// <summary>Poll queries sent since start (INFO's event_feed_polls).</summary>
    public long Polls => Interlocked.Read(ref _polls);

    public void AddListener(IEventListener listener)
    {
        lock (_gate) _listeners = [.. _listeners, listener];
    }

    /// <summary>Hands an event this proxy committed to its listeners.</summary>
    public void DeliverLocal(FeedEvent e)
    {
        foreach (var listener in Volatile.Read(ref _listeners)) listener.OnEvent(e);
    }

    /// <summary>
    /// Completes once a poll that starts after this call has handed its events to the listeners: whatever other
    /// proxies committed before the call has then been delivered (or, when still uncommitted, is tracked as a gap).
    /// A subscriber uses it to tell the messages published before its subscription from those after.
    /// </summary>
    public Task CatchUpAsync()
    {
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _catchUpNext.Add(caughtUp);
        Wake();
        return caughtUp.Task;
    }

    /// <summary>A listener started listening: make sure the poller runs.</summary>
    public void Wake()
    {
        lock (_gate)
        {
            if (_polling) return;
            _polling = true;
        }
        _ = Task.Run(PollLoopAsync);
    }

    private async Task PollLoopAsync()
    {
        var cursor = new EventCursor();
        while (!_stopping.IsCancellationRequested)
        {
            IEventListener[] listening;
            List<TaskCompletionSource> catchUps;
            lock (_gate)
            {
                listening = _listeners.Where(l => l.IsListening).ToArray();
                catchUps = _catchUpNext;
                _catchUpNext = [];
                if (listening.Length == 0)
                {
                    _polling = false;
                    foreach (var waiter in catchUps) waiter.TrySetResult(); // nobody left to deliver to
                    return;
                }
            }
            var interval = TimeSpan.FromMilliseconds(listening.Min(l => l.MaxPollMs ?? int.MaxValue) is var most and < int.MaxValue
                ? Math.Min(most, _options.Events.PollMs)
                : _options.Events.PollMs);
            int batch = Math.Max(_options.Events.PollBatch, listening.Max(l => l.MinPollBatch ?? 0));
            bool more = false;
            try
            {
                more = await PollOnceAsync(cursor, listening, batch).ConfigureAwait(false);
                // A full batch leaves older events unread: the waiters are caught up only by the poll that empties the backlog.
                if (more) lock (_gate) _catchUpNext.AddRange(catchUps);
                else foreach (var waiter in catchUps) waiter.TrySetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning("Event feed poll failed, retrying in {Interval} ms: {Message}", interval.TotalMilliseconds, e.Message);
                lock (_gate) _catchUpNext.AddRange(catchUps);
            }
            if (more) continue;
            try
            {
                await Task.Delay(interval, _stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { }
        }
        lock (_gate)
        {
            _polling = false;
            foreach (var waiter in _catchUpNext) waiter.TrySetCanceled();
            _catchUpNext = [];
        }
    }

    /// <summary>One query; true when it filled a whole batch, so the next one should follow at once.</summary>
    private async Task<bool> PollOnceAsync(EventCursor cursor, IEventListener[] listeners, int batch)
    {
        // Any user reads the shared table; without proxy or default credentials, a listener's (it is a signed-in client).
        if (_pools.ForMaintenance() is not { } pool) return false;
        var executor = new SqlExecutor(pool, new SqlScope("", 0), _retry, this);
        var (statement, values) = PollStatement(cursor, batch);
        var rows = await executor.QueryListAsync(statement, ReadRow, values).ConfigureAwait(false);
        Interlocked.Increment(ref _polls);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (!cursor.Started)
        {
            // Latest reads newest first. Its events may be stale: a spurious wake-up costs a waiter one retry, while
            // starting after them could miss a transaction committing just now with a smaller id.
            rows.Reverse();
            cursor.Start(rows.Count > 0 ? rows[0].Id : 0);
        }
        foreach (var row in rows)
        {
            if (!cursor.Accept(row.Id, now) || row.Origin == Origin) continue;
            foreach (var listener in listeners) listener.OnEvent(row.Event);
        }
        cursor.TrimGaps(now);
        return rows.Count == batch;
    }

    private static (Statement, object?[]) PollStatement(EventCursor cursor, int batch)
    {
        if (!cursor.Started) return (EventStatements.Latest, [batch]);
        var gaps = cursor.Gaps.ToList();
        if (gaps.Count == 0) return (EventStatements.After, [cursor.After, batch]);
        return (EventStatements.AfterWithGaps(InListShape.For(gaps.Count)), [cursor.After, .. InListShape.Padded(gaps).Cast<object?>(), batch]);
    }

    private static Row ReadRow(System.Data.Common.DbDataReader r) => new(
        Convert.ToUInt64(r.GetValue(0)),
        Convert.ToUInt64(r.GetValue(6)),
        new FeedEvent(System.Text.Encoding.UTF8.GetString((byte[])r.GetValue(1)), Convert.ToInt32(r.GetValue(2)),
            (EventKind)Convert.ToByte(r.GetValue(3)), (byte[])r.GetValue(4), r.IsDBNull(5) ? null : (byte[])r.GetValue(5)));

    private sealed record Row(ulong Id, ulong Origin, FeedEvent Event);
}
