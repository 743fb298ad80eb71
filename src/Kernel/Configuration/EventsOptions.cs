namespace RedisOnMySql.Kernel.Configuration;

/// <summary>The cross-proxy event feed: how often a proxy with waiting clients reads other proxies' events.</summary>
public sealed class EventsOptions
{
    /// <summary>
    /// The longest a proxy waits between two reads of the feed while it has a blocked client. A client that blocks
    /// just after a read waits almost the whole interval for a push from another proxy (bench/: 50 ms gave a p50 of
    /// 51 ms); 20 ms keeps that near 20 ms for 50 primary-key range reads a second, sent only while someone waits.
    /// </summary>
    public int PollMs { get; set; } = 20;

    /// <summary>Events read per poll; a full batch is followed by the next read at once.</summary>
    public int PollBatch { get; set; } = 1024;

    /// <summary>How long events stay in MySQL before the cleanup deletes them.</summary>
    public int RetentionSecs { get; set; } = 300;
}
