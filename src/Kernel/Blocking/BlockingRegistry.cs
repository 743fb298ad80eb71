using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Blocking;

/// <summary>
/// This proxy's clients blocked on keys (BLPOP and the like, for any family). A key-ready event, from this proxy at
/// commit or from another through the feed's poller, starts one server per key that hands turns to the key's clients
/// in arrival order, one at a time, until one finds the key empty: first come, first served, and an element goes to
/// the client whose own transaction took it, so never to two and never lost. While any client is blocked the feed
/// polls; with none it sends nothing.
/// </summary>
public sealed class BlockingRegistry : IEventListener
{
    public const string UnblockedError = "UNBLOCKED client unblocked via CLIENT UNBLOCK";

    private readonly EventFeed _feed;
    private readonly Lock _gate = new();
    private readonly Dictionary<BlockedKey, KeyWaiters> _byKey = new();
    private int _blocked;

    public BlockingRegistry(EventFeed feed)
    {
        _feed = feed;
        feed.AddListener(this);
    }

    /// <summary>Clients registered on keys, from before their first try: the feed polls while there is any.</summary>
    public int BlockedClients => Volatile.Read(ref _blocked);

    public bool IsListening => BlockedClients > 0;

    public void OnEvent(FeedEvent e)
    {
        // Every push's event comes here; with nobody blocked there is nothing to look up.
        if (e.Kind == EventKind.KeyReady && BlockedClients > 0) Signal(new BlockedKey(e.Tenant, e.Db, e.Topic));
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (false: the first try, true: a retry after the key received elements) until it
    /// returns a value, <paramref name="timeout"/> passes (null: forever; then null), the connection closes, or CLIENT
    /// UNBLOCK releases the client (null, or the UNBLOCKED error). The client counts as blocked from before its first
    /// try, so no element pushed meanwhile is missed. A client arriving while others wait on one of its keys makes no
    /// first try (so a key turned into another type meanwhile does not answer it WRONGTYPE, unlike Redis, where no
    /// client can be waiting on a key that holds elements).
    /// </summary>
    public async Task<T?> WaitAsync<T>(ClientSession session, IReadOnlyList<byte[]> keys, TimeSpan? timeout,
        Func<bool, Task<T?>> attempt) where T : class
    {
        var blockedKeys = keys.Select(k => new BlockedKey(session.Tenant!, session.Db, k)).Distinct().ToArray();
        var client = new BlockedClient(blockedKeys);
        bool firstInLine = Register(client);
        try
        {
            // Behind clients already waiting on one of its keys, the newcomer waits for its turn: its own first try
            // could take an element pushed for them that their turns have not reached yet.
            var result = firstInLine ? await attempt(false).ConfigureAwait(false) : null;
            if (result != null) return result;
            // Only now is the client blocked as Redis counts it (INFO, CLIENT LIST, CLIENT UNBLOCK).
            session.Blocked = client;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(session.Disconnected, client.Unblocked);
            if (timeout is { } limit) stop.CancelAfter(limit);
            while (await client.NextTurnAsync(stop.Token).ConfigureAwait(false) is { } turn)
            {
                // A client that went away leaves the elements to the next one.
                if (session.Disconnected.IsCancellationRequested)
                {
                    turn.Complete(TurnOutcome.Gone);
                    break;
                }
                try
                {
                    result = await attempt(true).ConfigureAwait(false);
                }
                catch
                {
                    turn.Complete(TurnOutcome.Gone);
                    throw;
                }
                if (result != null)
                {
                    Unregister(client);
                    turn.Complete(TurnOutcome.Served);
                    return result;
                }
                turn.Complete(TurnOutcome.Empty);
            }
            if (client.UnblockedBy == UnblockMode.Error) throw new RedisException(UnblockedError);
            return null;
        }
        finally
        {
            session.Blocked = null;
            Unregister(client);
        }
    }

    /// <summary>Queues the client on its keys; true when nobody was waiting on any of them before it.</summary>
    private bool Register(BlockedClient client)
    {
        bool first = true;
        lock (_gate)
        {
            foreach (var key in client.Keys)
            {
                if (!_byKey.TryGetValue(key, out var waiters)) _byKey[key] = waiters = new KeyWaiters();
                first &= waiters.Clients.Count == 0;
                waiters.Clients.AddLast(client);
            }
            _blocked++;
        }
        _feed.Wake();
        return first;
    }

    private void Unregister(BlockedClient client)
    {
        if (!client.Leave()) return;
        lock (_gate)
        {
            foreach (var key in client.Keys)
            {
                if (!_byKey.TryGetValue(key, out var waiters)) continue;
                waiters.Clients.Remove(client);
                if (waiters.Clients.Count == 0 && !waiters.Serving) _byKey.Remove(key);
            }
            _blocked--;
        }
    }

    private void Signal(BlockedKey key)
    {
        KeyWaiters? waiters;
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out waiters)) return;
            if (waiters.Serving)
            {
                waiters.Again = true;
                return;
            }
            waiters.Serving = true;
        }
        _ = Task.Run(() => ServeAsync(key, waiters));
    }

    /// <summary>
    /// Turns in arrival order until a client finds the key empty; a signal that came meanwhile starts another pass,
    /// since the client that found it empty may have looked before that push committed.
    /// </summary>
    private async Task ServeAsync(BlockedKey key, KeyWaiters waiters)
    {
        while (true)
        {
            lock (_gate) waiters.Again = false;
            while (true)
            {
                BlockedClient? first;
                lock (_gate) first = waiters.Clients.First?.Value;
                if (first == null) break;
                var turn = new KeyTurn();
                var outcome = first.TryOffer(turn) ? await turn.Outcome.ConfigureAwait(false) : TurnOutcome.Gone;
                if (outcome == TurnOutcome.Empty) break;
                // A served client has removed itself already; one that left is unregistering, but must not get the next turn.
                lock (_gate) waiters.Clients.Remove(first);
            }
            lock (_gate)
            {
                if (waiters.Again && waiters.Clients.Count > 0) continue;
                waiters.Serving = false;
                if (waiters.Clients.Count == 0 && _byKey.TryGetValue(key, out var current) && current == waiters) _byKey.Remove(key);
                return;
            }
        }
    }

    /// <summary>The clients blocked on one key, in arrival order, and whether a server is handing out turns.</summary>
    private sealed class KeyWaiters
    {
        public LinkedList<BlockedClient> Clients { get; } = new();
        public bool Serving { get; set; }
        public bool Again { get; set; }
    }
}
