namespace RedisOnMySql.Kernel.Protocol;

/// <summary>Malformed or oversized client input. <see cref="Exception.Message"/> is the detail the connection replies
/// with after <c>ERR Protocol error: </c> before closing.</summary>
public sealed class RespProtocolException(string detail) : Exception(detail);
