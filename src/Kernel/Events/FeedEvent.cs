namespace RedisOnMySql.Kernel.Events;

/// <summary>What an event in the cross-proxy feed is about; the numbers are stored in events.kind.</summary>
public enum EventKind : byte
{
    /// <summary>A key received elements: clients blocked on it may be served now. Topic: the key.</summary>
    KeyReady = 1,

    /// <summary>A Pub/Sub message (PUBLISH, keyspace notifications). Topic: the channel; payload: the message.</summary>
    Message = 2,

    /// <summary>A message to a shard channel (SPUBLISH). Topic: the channel; payload: the message.</summary>
    ShardMessage = 3,
}

/// <summary>One event of the feed, for one tenant and database.</summary>
public sealed record FeedEvent(string Tenant, int Db, EventKind Kind, byte[] Topic, byte[]? Payload);

/// <summary>
/// A consumer of the feed in this proxy (blocked clients, subscribers). While any listener is listening the feed polls
/// MySQL for other proxies' events; events written by this proxy reach listeners in memory at commit.
/// </summary>
public interface IEventListener
{
    bool IsListening { get; }

    /// <summary>While listening, the longest this listener lets the feed wait between two polls (null: events.poll_ms).</summary>
    int? MaxPollMs => null;

    /// <summary>While listening, the fewest events this listener wants one poll to read (null: events.poll_batch).</summary>
    int? MinPollBatch => null;

    /// <summary>Called once per event; must not block (hand work off instead).</summary>
    void OnEvent(FeedEvent e);
}
