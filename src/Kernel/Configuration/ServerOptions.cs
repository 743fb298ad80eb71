namespace RedisOnMySql.Kernel.Configuration;

/// <summary>Limits of the client-facing RESP server.</summary>
public sealed class ServerOptions
{
    public int MaxFrameSize { get; set; } = 536870912;

    public int MaxBulkLen { get; set; } = 536870912;

    public int MaxArrayLen { get; set; } = 1048576;

    /// <summary>Nesting depth of RESP arrays.</summary>
    public int MaxDepth { get; set; } = 8;

    /// <summary>Pipelined requests of one connection awaiting a reply.</summary>
    public int MaxInflight { get; set; } = 1024;

    /// <summary>Client connections; not to be confused with <see cref="PoolOptions.MaxConnections"/>.</summary>
    public int MaxConnections { get; set; } = 10000;

    /// <summary>0 means no timeout.</summary>
    public int ReadTimeoutMs { get; set; } = 0;

    /// <summary>0 means no timeout.</summary>
    public int WriteTimeoutMs { get; set; } = 30000;

    /// <summary>0 means idle connections are never closed.</summary>
    public int IdleTimeoutMs { get; set; } = 0;

    public int PushQueueLen { get; set; } = 1024;

    public int ResponseQueueLen { get; set; } = 1024;

    public int WriteBatchBytes { get; set; } = 65536;

    public bool TcpNodelay { get; set; } = true;

    public int Backlog { get; set; } = 511;

    /// <summary>
    /// Run socket completions and connection code on the socket event thread instead of handing each one to the
    /// thread pool: fewer thread switches per command, which is most of the proxy's CPU on a small machine.
    /// Every handler is asynchronous, so nothing blocks that thread.
    /// </summary>
    public bool InlineIo { get; set; } = true;
}
