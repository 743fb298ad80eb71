namespace RedisOnMySql.Kernel.Blocking;

/// <summary>CLIENT UNBLOCK's reason: answer as on timeout, or with the UNBLOCKED error.</summary>
public enum UnblockMode
{
    Timeout,
    Error,
}
