namespace RedisOnMySql.Kernel.Sdk;

/// <summary>Redis 7.0's exact error texts, shared by every family.</summary>
public static class RedisErrors
{
    public const string WrongType = "WRONGTYPE Operation against a key holding the wrong kind of value";
    public const string NotInteger = "ERR value is not an integer or out of range";
    public const string NotFloat = "ERR value is not a valid float";
    public const string Syntax = "ERR syntax error";
    public const string NoAuth = "NOAUTH Authentication required.";
    public const string WrongPass = "WRONGPASS invalid username-password pair or user is disabled.";
    public const string Overflow = "ERR increment or decrement would overflow";
    public const string NoSuchKey = "ERR no such key";
    public const string DbIndexOutOfRange = "ERR DB index is out of range";
    public const string InvalidExpire = "ERR invalid expire time in '{0}' command";

    public static string WrongArity(string command) => $"ERR wrong number of arguments for '{command}' command";
    public static string UnknownSubcommand(string sub, string command) =>
        $"ERR unknown subcommand '{Truncate(sub)}'. Try {command.ToUpperInvariant()} HELP.";

    /// <summary>A command other than the subscribe family, PING, QUIT and RESET in RESP2's subscribed context.</summary>
    public static string NotInSubscribedContext(string command) =>
        $"ERR Can't execute '{command}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context";

    public static string Truncate(string s) => s.Length > 128 ? s[..128] : s;
}
