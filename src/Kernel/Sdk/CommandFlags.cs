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
}
