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

    public void ConnectionReceived() => Interlocked.Increment(ref _connectionsReceived);
    public void ConnectionRejected() => Interlocked.Increment(ref _rejectedConnections);
    public void CommandProcessed() => Interlocked.Increment(ref _commandsProcessed);
    public void ErrorReplied() => Interlocked.Increment(ref _errorReplies);
    public void KeysExpired(long n) => Interlocked.Add(ref _expiredKeys, n);
    public void BytesIn(long n) => Interlocked.Add(ref _netInputBytes, n);
    public void BytesOut(long n) => Interlocked.Add(ref _netOutputBytes, n);
}
