namespace RedisOnMySql.Kernel.Events;

/// <summary>What an event in the cross-proxy feed is about; the numbers are stored in events.kind.</summary>
public enum EventKind : byte
{
    /// <summary>A key received elements: clients blocked on it may be served now. Topic: the key.</summary>
    KeyReady = 1,
}

/// <summary>One event of the feed, for one tenant and database.</summary>
public sealed record FeedEvent(string Tenant, int Db, EventKind Kind, byte[] Topic, byte[]? Payload);

/// <summary>
/// A consumer of the feed in this proxy (blocked clients, later subscribers). While any listener is listening the
/// feed polls MySQL for other proxies' events; events written by this proxy reach listeners in memory at commit.
/// </summary>
public interface IEventListener
{
    bool IsListening { get; }

    /// <summary>Called once per event; must not block (hand work off instead).</summary>
    void OnEvent(FeedEvent e);
}
