namespace RedisOnMySql.Kernel.Sdk;

/// <summary>Redis command flags, reported by COMMAND INFO and used by dispatch (noauth).</summary>
[Flags]
public enum CommandFlags
{
    None = 0,
    Write = 1 << 0,
    ReadOnly = 1 << 1,
    Admin = 1 << 2,
    PubSub = 1 << 3,
    NoAuth = 1 << 4,
    Fast = 1 << 5,
    Blocking = 1 << 6,
    DenyOom = 1 << 7,
    Loading = 1 << 8,
    Stale = 1 << 9,
    NoScript = 1 << 10,
    SkipSlowlog = 1 << 11,
    NoAsyncLoading = 1 << 12,
    /// <summary>Refused inside MULTI with "Command not allowed inside a transaction".</summary>
    NoMulti = 1 << 13,
    AllowBusy = 1 << 14,

    /// <summary>
    /// Not a write, but something Redis would replicate (PUBLISH): CLIENT PAUSE WRITE holds it too. Hidden from COMMAND,
    /// as in Redis.
    /// </summary>
    MayReplicate = 1 << 15,

    /// <summary>
    /// Allowed in RESP2's subscribed context, where Redis accepts only (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PING, QUIT and
    /// RESET. Not a Redis flag: COMMAND does not report it.
    /// </summary>
    SubscribedContext = 1 << 16,

    /// <summary>
    /// A container of subcommands (CONFIG, CLIENT, ...): <see cref="Subcommands"/> checks the subscribed context once it
    /// knows the subcommand, so the error names it (`config|get`) after an unknown subcommand or a wrong arity, as in
    /// Redis. Not a Redis flag: COMMAND does not report it.
    /// </summary>
    Container = 1 << 17,

    /// <summary>
    /// Runs at once inside MULTI instead of being queued: EXEC, DISCARD, MULTI, WATCH, QUIT and RESET, as Redis's
    /// processCommand lists them. Not a Redis flag: COMMAND does not report it.
    /// </summary>
    NotQueued = 1 << 18,
}
