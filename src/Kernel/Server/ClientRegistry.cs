using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Server;

/// <summary>Live connections of this proxy, for CLIENT LIST/KILL and INFO clients.</summary>
public sealed class ClientRegistry(RuntimeConfig runtime)
{
    private readonly ConcurrentDictionary<long, ClientSession> _sessions = new();
    private long _nextId;

    private int _count;

    /// <summary>Registers a connection unless maxclients are already open (checked and counted atomically).</summary>
    public ClientSession? TryOpen(System.Net.EndPoint? remote, System.Net.EndPoint? local)
    {
        long limit = runtime.MaxClients;
        if (Interlocked.Increment(ref _count) > limit)
        {
            Interlocked.Decrement(ref _count);
            return null;
        }
        var session = new ClientSession(Interlocked.Increment(ref _nextId), remote, local, () => runtime.PubsubOutputBufferLimit);
        _sessions[session.Id] = session;
        return session;
    }

    public void Close(ClientSession session)
    {
        if (_sessions.TryRemove(session.Id, out _)) Interlocked.Decrement(ref _count);
    }

    public int Count => Volatile.Read(ref _count);

    public IEnumerable<ClientSession> All => _sessions.Values.OrderBy(s => s.Id);

    public ClientSession? Find(long id) => _sessions.GetValueOrDefault(id);
}
