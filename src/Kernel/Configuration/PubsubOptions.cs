namespace RedisOnMySql.Kernel.Configuration;

/// <summary>How subscribers poll their MySQL mailbox.</summary>
public sealed class PubsubOptions
{
    public int PollMs { get; set; } = 200;

    /// <summary>Messages fetched per poll.</summary>
    public int PollBatch { get; set; } = 128;

    /// <summary>How often a subscriber proves it is alive, so cleanup keeps its mailbox.</summary>
    public int HeartbeatSecs { get; set; } = 30;
}
