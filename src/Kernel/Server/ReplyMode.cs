namespace RedisOnMySql.Kernel.Server;

/// <summary>CLIENT REPLY's modes: which replies of a connection are sent.</summary>
public enum ReplyMode
{
    On,
    /// <summary>No reply is sent until CLIENT REPLY ON.</summary>
    Off,
    /// <summary>Set by CLIENT REPLY SKIP: the command after it is answered with nothing.</summary>
    SkipNext,
    /// <summary>The command running now is answered with nothing.</summary>
    Skip,
}
