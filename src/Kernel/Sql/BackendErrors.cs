using MySqlConnector;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>Error replies for MySQL failures: an unreachable server reads differently from a failed statement.</summary>
public static class BackendErrors
{
    public static bool IsUnreachable(MySqlException e) => e.ErrorCode is MySqlErrorCode.UnableToConnectToHost
        or MySqlErrorCode.CommandTimeoutExpired or MySqlErrorCode.ServerShutdown
        || e.InnerException is System.Net.Sockets.SocketException or IOException or EndOfStreamException;

    public static string Describe(MySqlException e) => IsUnreachable(e)
        ? "ERR MySQL backend unavailable: " + OneLine(e.Message)
        : $"ERR MySQL backend error {(int)e.ErrorCode}: " + OneLine(e.Message);

    private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
}
