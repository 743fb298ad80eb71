using MySqlConnector;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>Error replies for MySQL failures: an unreachable server reads differently from a failed statement.</summary>
public static class BackendErrors
{
    public static bool IsUnreachable(MySqlException e) => e.ErrorCode is MySqlErrorCode.UnableToConnectToHost
        or MySqlErrorCode.CommandTimeoutExpired or MySqlErrorCode.ServerShutdown || IsConnectionLoss(e);

    /// <summary>The connection to MySQL broke outside a MySQL error packet (the driver reports a short read or socket error).</summary>
    public static bool IsConnectionLoss(Exception e) => e is IOException or System.Net.Sockets.SocketException
        || e.InnerException is IOException or System.Net.Sockets.SocketException;

    public static string Unavailable(Exception e) => "ERR MySQL backend unavailable: " + OneLine(e.Message);

    public static string Describe(MySqlException e) => IsUnreachable(e)
        ? Unavailable(e)
        : $"ERR MySQL backend error {(int)e.ErrorCode}: " + OneLine(e.Message);

    private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
}
