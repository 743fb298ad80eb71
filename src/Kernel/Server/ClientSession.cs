using System.Net;
using RedisOnMySql.Kernel.Blocking;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Transactions;

namespace RedisOnMySql.Kernel.Server;

/// <summary>Per-connection state: who is authenticated, which tenant and db, and what CLIENT shows.</summary>
public sealed class ClientSession
{
    private readonly CancellationTokenSource _killed = new();

    private readonly Dictionary<Type, ISessionState> _states = new();

    /// <param name="pubsubLimit">client-output-buffer-limit pubsub as it is now; Redis's default when null</param>
    public ClientSession(long id, EndPoint? remote, EndPoint? local, Func<OutputBufferLimit>? pubsubLimit = null)
    {
        Pushes = new PushQueue(this, pubsubLimit ?? (() => OutputBufferLimit.PubsubDefault));
        Id = id;
        RemoteEndPoint = remote;
        LocalEndPoint = local;
        ConnectedAt = DateTimeOffset.UtcNow;
        LastInteraction = ConnectedAt;
    }

    public long Id { get; }
    public EndPoint? RemoteEndPoint { get; }
    public EndPoint? LocalEndPoint { get; }
    public DateTimeOffset ConnectedAt { get; }
    public DateTimeOffset LastInteraction { get; set; }
    public string LastCommand { get; set; } = "NULL";
    public string? Name { get; set; }
    public string? LibName { get; set; }
    public string? LibVersion { get; set; }

    public string? User { get; private set; }
    public string? Tenant { get; private set; }
    public int Db { get; private set; }
    public SqlExecutor? Sql { get; private set; }
    public bool IsAuthenticated => Sql != null;

    /// <summary>Which replies are sent (CLIENT REPLY); anything but On runs every command through its handler.</summary>
    public ReplyMode Replies { get; set; }

    /// <summary>MULTI's queue and WATCH's keys.</summary>
    public MultiState Multi { get; } = new();

    /// <summary>Set by QUIT: the connection flushes the reply and closes.</summary>
    public bool CloseRequested { get; set; }

    /// <summary>Cancelled when the connection ends for any reason: the client closed it, CLIENT KILL, shutdown.</summary>
    public CancellationToken Disconnected { get; internal set; }

    /// <summary>The blocking command this client waits in, if any (CLIENT UNBLOCK, the b flag, blocked_clients).</summary>
    internal BlockedClient? Blocked { get; set; }

    public bool IsBlocked => Blocked != null;

    /// <summary>Messages pushed to the client between replies (Pub/Sub).</summary>
    public PushQueue Pushes { get; }

    /// <summary>
    /// The client's channels, patterns and shard channels, kept by the Pub/Sub family; above 0 the connection is in
    /// RESP2's subscribed context (only commands flagged <see cref="Sdk.CommandFlags.SubscribedContext"/> run).
    /// </summary>
    public int Subscriptions { get; set; }

    public bool IsSubscribed => Subscriptions > 0;

    /// <summary>A family's state for this connection, created on first use; RESET and the connection's end reset it.</summary>
    public T State<T>(Func<ClientSession, T> create) where T : class, ISessionState
    {
        lock (_states)
        {
            if (_states.TryGetValue(typeof(T), out var state)) return (T)state;
            var created = create(this);
            _states[typeof(T)] = created;
            return created;
        }
    }

    /// <summary>Resets every family's state (RESET, and the connection's end): subscriptions are left, for example.</summary>
    internal async ValueTask ResetStatesAsync()
    {
        ISessionState[] states;
        lock (_states) states = _states.Values.ToArray();
        foreach (var state in states) await state.ResetAsync().ConfigureAwait(false);
    }

    /// <summary>Cancelled by CLIENT KILL and shutdown.</summary>
    public CancellationToken Killed => _killed.Token;
    public void Kill() => _killed.Cancel();

    public void SignIn(string user, string tenant, SqlExecutor executor)
    {
        User = user;
        Tenant = tenant;
        Sql = executor.WithDb(Db);
    }

    public void SignOut()
    {
        User = null;
        Tenant = null;
        Sql = null;
    }

    /// <summary>Runs the next commands through <paramref name="sql"/> and its db: EXEC's transaction, then out of it again.</summary>
    internal void UseExecutor(SqlExecutor sql)
    {
        Sql = sql;
        Db = sql.Scope.Db;
    }

    public void Select(int db)
    {
        Db = db;
        if (Sql != null) Sql = Sql.WithDb(db);
    }
}
