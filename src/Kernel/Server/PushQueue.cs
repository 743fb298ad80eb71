using RedisOnMySql.Kernel.Protocol;

namespace RedisOnMySql.Kernel.Server;

/// <summary>
/// Messages pushed to a client outside the request/reply flow (Pub/Sub), queued until the connection's loop writes
/// them, between replies. Redis's client-output-buffer-limit for pubsub clients bounds the queue: past the hard
/// limit, or above the soft limit for longer than its seconds, the client is disconnected and its queue dropped, so
/// a subscriber that does not read costs bounded memory and the others keep receiving.
/// </summary>
public sealed class PushQueue(ClientSession session, Func<OutputBufferLimit> limits)
{
    private readonly Queue<byte[]> _frames = new();
    private long _bytes;
    private long _softSinceMs = -1;
    private Action? _wake;

    /// <summary>Bytes queued and not yet handed to the connection (INFO/CLIENT LIST's output memory).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Set by the connection: interrupts its wait for input so it writes the queue.</summary>
    internal void OnPush(Action wake) => _wake = wake;

    /// <summary>Queues one whole RESP frame; false when the client went over its limit and is being disconnected.</summary>
    public bool Enqueue(byte[] frame)
    {
        lock (_frames)
        {
            if (session.Killed.IsCancellationRequested) return false;
            _frames.Enqueue(frame);
            _bytes += frame.Length;
            if (OverLimit(Environment.TickCount64))
            {
                _frames.Clear();
                _bytes = 0;
                session.Kill();
                return false;
            }
        }
        _wake?.Invoke();
        return true;
    }

    /// <summary>Writes every queued frame; called by the connection's loop only.</summary>
    internal void DrainTo(RespWriter writer)
    {
        lock (_frames)
        {
            while (_frames.TryDequeue(out var frame))
            {
                writer.WriteRaw(frame);
                _bytes -= frame.Length;
            }
            _softSinceMs = -1;
        }
    }

    private bool OverLimit(long nowMs)
    {
        // Read each time: CONFIG SET client-output-buffer-limit applies to clients already subscribed, as in Redis.
        var limit = limits();
        if (limit.HardBytes > 0 && _bytes > limit.HardBytes) return true;
        if (limit.SoftBytes <= 0 || _bytes <= limit.SoftBytes)
        {
            _softSinceMs = -1;
            return false;
        }
        if (_softSinceMs < 0) _softSinceMs = nowMs;
        return nowMs - _softSinceMs > limit.SoftSeconds * 1000L;
    }
}

/// <summary>One class of Redis's client-output-buffer-limit: hard bytes, soft bytes and soft seconds (0 = none).</summary>
public sealed record OutputBufferLimit(long HardBytes, long SoftBytes, int SoftSeconds)
{
    /// <summary>Redis 7.0's default for Pub/Sub clients: 32mb 8mb 60.</summary>
    public static readonly OutputBufferLimit PubsubDefault = new(32L << 20, 8L << 20, 60);
}
