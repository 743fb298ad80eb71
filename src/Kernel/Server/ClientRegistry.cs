using System.Collections.Concurrent;

namespace RedisOnMySql.Kernel.Server;

/// <summary>Live connections of this proxy, for CLIENT LIST/KILL and INFO clients.</summary>
public sealed class ClientRegistry
{
    private readonly ConcurrentDictionary<long, ClientSession> _sessions = new();
    private long _nextId;

    public ClientSession Open(System.Net.EndPoint? remote, System.Net.EndPoint? local)
    {
        var session = new ClientSession(Interlocked.Increment(ref _nextId), remote, local);
        _sessions[session.Id] = session;
        return session;
    }

    public void Close(ClientSession session) => _sessions.TryRemove(session.Id, out _);

    public int Count => _sessions.Count;

    public IEnumerable<ClientSession> All => _sessions.Values.OrderBy(s => s.Id);

    public ClientSession? Find(long id) => _sessions.GetValueOrDefault(id);
}
