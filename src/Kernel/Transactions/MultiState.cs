namespace RedisOnMySql.Kernel.Transactions;

/// <summary>
/// A connection's MULTI and WATCH state: whether it is queueing, what it queued, whether a refused command doomed the
/// EXEC (EXECABORT), and the keys it watches with the versions it saw.
/// </summary>
public sealed class MultiState
{
    private readonly List<List<byte[]>> _queued = new();
    private readonly List<WatchedKey> _watched = new();

    public bool Active { get; private set; }

    /// <summary>A command was refused while queueing: EXEC will answer EXECABORT.</summary>
    public bool Aborted { get; private set; }

    public IReadOnlyList<List<byte[]>> Queued => _queued;

    public IReadOnlyList<WatchedKey> Watched => _watched;

    public void Begin() => Active = true;

    public void Queue(List<byte[]> args) => _queued.Add(args);

    /// <summary>Marks the transaction doomed; outside MULTI it changes nothing, as Redis's flagTransaction.</summary>
    public void Abort()
    {
        if (Active) Aborted = true;
    }

    /// <summary>Whether the key of <paramref name="db"/> is watched already (a second WATCH of it keeps the first version).</summary>
    public bool Watches(int db, byte[] key) => _watched.Any(w => w.Db == db && w.Key.AsSpan().SequenceEqual(key));

    public void Watch(WatchedKey key) => _watched.Add(key);

    public void Unwatch() => _watched.Clear();

    /// <summary>Ends the transaction, queued commands and watches alike (EXEC, DISCARD, RESET).</summary>
    public void Discard()
    {
        Active = false;
        Aborted = false;
        _queued.Clear();
        _watched.Clear();
    }
}
