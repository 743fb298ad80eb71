using System.Net;
using RedisOnMySql.Kernel.Blocking;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Server;

/// <summary>Per-connection state: who is authenticated, which tenant and db, and what CLIENT shows.</summary>
public sealed class ClientSession
{
    private readonly CancellationTokenSource _killed = new();

    public ClientSession(long id, EndPoint? remote, EndPoint? local)
    {
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

    /// <summary>Set by QUIT: the connection flushes the reply and closes.</summary>
    public bool CloseRequested { get; set; }

    /// <summary>Cancelled when the connection ends for any reason: the client closed it, CLIENT KILL, shutdown.</summary>
    public CancellationToken Disconnected { get; internal set; }

    /// <summary>The blocking command this client waits in, if any (CLIENT UNBLOCK, the b flag, blocked_clients).</summary>
    internal BlockedClient? Blocked { get; set; }

    public bool IsBlocked => Blocked != null;

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

    public void Select(int db)
    {
        Db = db;
        if (Sql != null) Sql = Sql.WithDb(db);
    }
}
