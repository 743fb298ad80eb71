namespace RedisOnMySql.Kernel.Configuration;

/// <summary>The cross-proxy event feed: how often a proxy with waiting clients reads other proxies' events.</summary>
public sealed class EventsOptions
{
    /// <summary>
    /// The longest a proxy waits between two reads of the feed while it has a blocked client. 50 ms keeps the
    /// cross-proxy wake-up of a blocked pop near 25 ms on average for 20 small queries a second, only while waiting.
    /// </summary>
    public int PollMs { get; set; } = 50;

    /// <summary>Events read per poll; a full batch is followed by the next read at once.</summary>
    public int PollBatch { get; set; } = 1024;

    /// <summary>How long events stay in MySQL before the cleanup deletes them.</summary>
    public int RetentionSecs { get; set; } = 300;
}
