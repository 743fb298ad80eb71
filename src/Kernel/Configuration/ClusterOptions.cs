namespace RedisOnMySql.Kernel.Configuration;

/// <summary>How this proxy presents itself as a cluster node (the <c>cluster</c> family, off unless enabled).</summary>
public sealed class ClusterOptions
{
    /// <summary>The address clients reach this proxy at; empty means bind_addr's host, or this machine's address when that is a wildcard.</summary>
    public string AnnounceHost { get; set; } = "";

    /// <summary>0 means bind_addr's port.</summary>
    public int AnnouncePort { get; set; }

    /// <summary>How often the node renews its entry; it leaves every map two intervals after its last.</summary>
    public int HeartbeatSecs { get; set; } = 5;
}
