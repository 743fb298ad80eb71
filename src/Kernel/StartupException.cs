namespace RedisOnMySql.Kernel;

/// <summary>A reason to refuse to start that the operator must fix (bad bind address, duplicate command, ...).</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
