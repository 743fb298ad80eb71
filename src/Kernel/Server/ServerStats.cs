namespace RedisOnMySql.Kernel.Server;

/// <summary>Counters INFO reports; updated with Interlocked from many connections.</summary>
public sealed class ServerStats
{
    private long _connectionsReceived;
    private long _commandsProcessed;
    private long _rejectedConnections;
    private long _netInputBytes;
    private long _netOutputBytes;
    private long _errorReplies;
    private long _expiredKeys;
    private long _keyspaceHits;
    private long _keyspaceMisses;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public string RunId { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant() + "00000000";

    public long ConnectionsReceived => Interlocked.Read(ref _connectionsReceived);
    public long CommandsProcessed => Interlocked.Read(ref _commandsProcessed);
    public long RejectedConnections => Interlocked.Read(ref _rejectedConnections);
    public long NetInputBytes => Interlocked.Read(ref _netInputBytes);
    public long NetOutputBytes => Interlocked.Read(ref _netOutputBytes);
    public long ErrorReplies => Interlocked.Read(ref _errorReplies);
    /// <summary>Expired keys this proxy's sweeper reclaimed.</summary>
    public long ExpiredKeys => Interlocked.Read(ref _expiredKeys);

    /// <summary>Keys that read-only commands found (see <see cref="KeysLookedUp"/>).</summary>
    public long KeyspaceHits => Interlocked.Read(ref _keyspaceHits);
    public long KeyspaceMisses => Interlocked.Read(ref _keyspaceMisses);

    public void ConnectionReceived() => Interlocked.Increment(ref _connectionsReceived);
    public void ConnectionRejected() => Interlocked.Increment(ref _rejectedConnections);
    public void CommandProcessed() => Interlocked.Increment(ref _commandsProcessed);
    public void ErrorReplied() => Interlocked.Increment(ref _errorReplies);
    public void KeysExpired(long n) => Interlocked.Add(ref _expiredKeys, n);
    public void BytesIn(long n) => Interlocked.Add(ref _netInputBytes, n);
    public void BytesOut(long n) => Interlocked.Add(ref _netOutputBytes, n);

    /// <summary>
    /// A read-only command named <paramref name="keys"/> keys and answered <paramref name="absent"/> nils or empty arrays:
    /// that many keys missed (at most all of them), the others hit. Redis counts its key lookups; the reply is what the
    /// kernel sees of every family's read, so a nil for a missing field of an existing hash counts as a miss here.
    /// </summary>
    public void KeysLookedUp(int keys, long absent)
    {
        long misses = Math.Min(keys, absent);
        if (misses > 0) Interlocked.Add(ref _keyspaceMisses, misses);
        if (keys > misses) Interlocked.Add(ref _keyspaceHits, keys - misses);
    }

    /// <summary>CONFIG RESETSTAT: the counters Redis's resetServerStats clears start again from zero.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _connectionsReceived, 0);
        Interlocked.Exchange(ref _commandsProcessed, 0);
        Interlocked.Exchange(ref _rejectedConnections, 0);
        Interlocked.Exchange(ref _netInputBytes, 0);
        Interlocked.Exchange(ref _netOutputBytes, 0);
        Interlocked.Exchange(ref _errorReplies, 0);
        Interlocked.Exchange(ref _expiredKeys, 0);
        Interlocked.Exchange(ref _keyspaceHits, 0);
        Interlocked.Exchange(ref _keyspaceMisses, 0);
    }
}
