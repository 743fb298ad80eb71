namespace RedisOnMySql.Kernel.Sdk;

/// <summary>An error reply for the client; the message is sent as-is (it carries its own prefix such as ERR).</summary>
public class RedisException(string message) : Exception(message)
{
    public static RedisException Err(string text) => new("ERR " + text);
}
