namespace RedisOnMySql.Kernel.Configuration;

/// <summary>
/// Configuration could not be loaded: a missing file, an unknown key or an invalid value.
/// Startup stops on it, so the message always names the offending key and where it came from.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message) : base(message)
    {
    }

    public ConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
