using RedisOnMySql.Kernel.Proxies;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.PubSub;

/// <summary>
/// One connection's subscriptions. A new subscription stays pending (receives nothing) until the feed has caught up,
/// so messages committed before it was asked for are not delivered; then it is stored in MySQL, so a PUBLISH on any
/// proxy counts it, and acknowledged: every message counted from then on, and every one committed after the
/// acknowledgement, is delivered. Leaving (UNSUBSCRIBE, RESET, the connection's end) stops delivery at once and then
/// updates MySQL.
/// </summary>
internal sealed class Subscriber : ISessionState
{
    private readonly ClientSession _session;
    private readonly SubscriptionHub _hub;
    private readonly ProxyRegistry _registry;
    private readonly Lock _gate = new();
    // Each subscription and whether it is active (pending ones receive nothing).
    private readonly Dictionary<SubscriptionKind, Dictionary<byte[], bool>> _held = new()
    {
        [SubscriptionKind.Channel] = new(KeyBytesComparer.Instance),
        [SubscriptionKind.Pattern] = new(KeyBytesComparer.Instance),
        [SubscriptionKind.ShardChannel] = new(KeyBytesComparer.Instance),
    };
    // The tenant and executor the current subscriptions were made with (rebound when there are none).
    private string _tenant = "";
    private SqlExecutor? _sql;

    internal Subscriber(ClientSession session, SubscriptionHub hub, ProxyRegistry registry)
    {
        _session = session;
        _hub = hub;
        _registry = registry;
    }

    /// <summary>Channels and patterns (what SUBSCRIBE and PSUBSCRIBE count), or shard channels.</summary>
    public int Count(bool shard)
    {
        lock (_gate)
            return shard ? _held[SubscriptionKind.ShardChannel].Count : _held[SubscriptionKind.Channel].Count + _held[SubscriptionKind.Pattern].Count;
    }

    public bool Holds(SubscriptionKind kind, byte[] name)
    {
        lock (_gate) return _held[kind].ContainsKey(name);
    }

    public List<byte[]> Names(SubscriptionKind kind)
    {
        lock (_gate) return [.. _held[kind].Keys];
    }

    /// <summary>Subscribes to the names not yet held, answering once they are stored and the feed has caught up.</summary>
    internal async Task SubscribeAsync(CommandContext ctx, SubscriptionKind kind, IReadOnlyList<byte[]> names)
    {
        List<byte[]> added;
        bool wasSubscribed;
        lock (_gate)
        {
            wasSubscribed = Total() > 0;
            if (!wasSubscribed)
            {
                _tenant = ctx.Session.Tenant ?? "";
                _sql = ctx.Sql;
            }
            added = names.Distinct(KeyBytesComparer.Instance).Where(n => !_held[kind].ContainsKey(n)).ToList();
            foreach (var name in added) _held[kind][name] = false;
            _session.Subscriptions = Total();
        }
        if (added.Count == 0) return;
        _hub.Add(this, _tenant, kind, added, wasSubscribed);
        var sql = _sql!;
        try
        {
            // Caught up first, stored second: once a PUBLISH anywhere counts this client, the client receives it.
            await _hub.Feed.CatchUpAsync().WaitAsync(ctx.Session.Disconnected);
            lock (_gate)
            {
                foreach (var name in added) _held[kind][name] = true;
            }
            await _registry.EnsureRegisteredAsync(sql);
            await sql.TransactionAsync(async tx =>
            {
                await AddClientsAsync(tx, kind, added, +1);
                return true;
            }, sql.Retry.Set);
        }
        catch
        {
            Forget(kind, added);
            throw;
        }
    }

    /// <summary>Leaves the given names (those held), or every name of the kind; returns the names left.</summary>
    internal async Task LeaveAsync(SubscriptionKind kind, IReadOnlyList<byte[]>? names)
    {
        List<byte[]> left;
        lock (_gate) left = (names ?? [.. _held[kind].Keys]).Distinct(KeyBytesComparer.Instance).Where(_held[kind].ContainsKey).ToList();
        if (left.Count == 0) return;
        var sql = _sql;
        Forget(kind, left);
        if (sql != null) await UnstoreAsync(sql, kind, left);
    }

    /// <summary>Takes this client out of the proxy's rows for <paramref name="names"/>, deleting rows nobody holds.</summary>
    private Task UnstoreAsync(SqlExecutor sql, SubscriptionKind kind, List<byte[]> names) =>
        sql.TransactionAsync(async tx =>
        {
            await AddClientsAsync(tx, kind, names, -1);
            await tx.ExecuteAsync(PubSubStatements.DeleteUnused, _registry.Id);
            return true;
        }, sql.Retry.Set);

    public async ValueTask ResetAsync()
    {
        foreach (var kind in _held.Keys) await LeaveAsync(kind, null);
    }

    /// <summary>Delivers a message of one of this client's subscriptions; pending subscriptions get nothing.</summary>
    internal void Deliver(SubscriptionKind kind, byte[] name, byte[] frame)
    {
        lock (_gate)
        {
            if (!_held[kind].TryGetValue(name, out bool active) || !active) return;
        }
        _session.Pushes.Enqueue(frame);
    }

    private void Forget(SubscriptionKind kind, List<byte[]> names)
    {
        bool stillSubscribed;
        lock (_gate)
        {
            foreach (var name in names) _held[kind].Remove(name);
            stillSubscribed = Total() > 0;
            _session.Subscriptions = Total();
        }
        _hub.Remove(this, _tenant, kind, names, stillSubscribed);
    }

    private int Total() => _held.Values.Sum(h => h.Count);

    /// <summary>Adds <paramref name="delta"/> clients to this proxy's rows for <paramref name="names"/>, creating them as needed.</summary>
    private async Task AddClientsAsync(ISqlRunner tx, SubscriptionKind kind, List<byte[]> names, int delta)
    {
        foreach (var chunk in InListShape.PaddedChunks(names))
        {
            if (delta > 0) await tx.ExecuteAsync(PubSubStatements.EnsureRows(chunk.Length), Bind(PubSubStatements.EnsureRows(chunk.Length), kind, chunk, delta));
            await tx.ExecuteAsync(PubSubStatements.AddClients(chunk.Length), Bind(PubSubStatements.AddClients(chunk.Length), kind, chunk, delta));
        }
    }

    /// <summary>Values in the statement's parameter order: name0.. / n0.. are the names, the rest kind, proxy and delta.</summary>
    private object?[] Bind(Statement statement, SubscriptionKind kind, byte[][] names, int delta) =>
        statement.Parameters.Select(p => p switch
        {
            "kind" => (object?)(int)kind,
            "proxy" => _registry.Id,
            "delta" => delta,
            _ => names[int.Parse(p.AsSpan(p.StartsWith("name") ? 4 : 1))],
        }).ToArray();
}
