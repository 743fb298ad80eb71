namespace RedisOnMySql.Kernel.Configuration;

/// <summary>Cadence of the background sweepers for expired keys, orphaned child rows and Pub/Sub mailboxes.</summary>
public sealed class CleanupOptions
{
    public int ExpireCleanupIntervalSecs { get; set; } = 60;

    /// <summary>Rows deleted per statement, so a sweep never holds long locks.</summary>
    public int ExpireCleanupBatch { get; set; } = 1000;

    /// <summary>Period of the collector that deletes child rows of collections whose key is gone.</summary>
    public int OrphanCleanupIntervalSecs { get; set; } = 60;

    /// <summary>Child rows deleted per statement by the collector.</summary>
    public int OrphanCleanupBatch { get; set; } = 1000;

    /// <summary>Period of the cleanup that deletes events older than events.retention_secs.</summary>
    public int EventsCleanupIntervalSecs { get; set; } = 60;

    public int PubsubCleanupIntervalSecs { get; set; } = 60;

    /// <summary>A subscriber silent for this long is considered gone.</summary>
    public int PubsubIdleSecs { get; set; } = 600;

    public int PubsubMessageTtlSecs { get; set; } = 3600;
}
