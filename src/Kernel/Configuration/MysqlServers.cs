using MySqlConnector;

namespace RedisOnMySql.Kernel.Configuration;

/// <summary>
/// mysql_addr: one "host:port", or a comma-separated list of them for a MySQL cluster (Galera). MySqlConnector opens
/// each connection on the first host that answers, in order, so every proxy writes through the same node while it is
/// up (fewer certification conflicts) and moves to the next when it is not. MySqlConnector takes one port for all its
/// hosts, so a list must name one port throughout.
/// </summary>
public sealed record MysqlServers(IReadOnlyList<string> Hosts, int Port)
{
    public static bool TryParse(string text, out MysqlServers servers, out string? error)
    {
        servers = new MysqlServers([], 0);
        error = null;
        var hosts = new List<string>();
        int? port = null;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!HostPort.TryParse(part, out var address) || address.Port < 1) return false;
            if (port is { } first && first != address.Port)
            {
                error = "every host of the list must use the same port (MySqlConnector connects to all of them on one port)";
                return false;
            }
            port = address.Port;
            hosts.Add(address.Host);
        }
        servers = new MysqlServers(hosts, port!.Value);
        return true;
    }

    public static MysqlServers Parse(string text) =>
        TryParse(text, out var servers, out var error) ? servers : throw new FormatException(error ?? $"not a MySQL address list: {text}");

    /// <summary>Points a connection string at these servers, failing over in list order.</summary>
    public void ApplyTo(MySqlConnectionStringBuilder builder)
    {
        builder.Server = string.Join(',', Hosts);
        builder.Port = (uint)Port;
        if (Hosts.Count > 1) builder.LoadBalance = MySqlLoadBalance.FailOver;
    }
}
