using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// The address this proxy announces as a cluster node, and its node id: the SHA-1 of that address, so a proxy that
/// restarts at the same address is the same node, and two proxies never need to agree on anything to get distinct ids.
/// </summary>
internal sealed record NodeAddress(string Host, int Port)
{
    public string Id { get; } = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{Host}:{Port}")));

    public static NodeAddress Of(ProxyOptions options) => Resolve(options.Cluster, options.BindAddr, MachineAddress);

    /// <summary>
    /// cluster.announce_host, else bind_addr's host unless it is a wildcard (clients cannot connect to 0.0.0.0), else
    /// <paramref name="machineAddress"/>; cluster.announce_port, else bind_addr's port.
    /// </summary>
    public static NodeAddress Resolve(ClusterOptions cluster, string bindAddr, Func<string> machineAddress)
    {
        var bind = HostPort.Parse(bindAddr);
        var host = cluster.AnnounceHost.Length > 0 ? cluster.AnnounceHost
            : IsWildcard(bind.Host) ? machineAddress()
            : bind.Host;
        return new NodeAddress(host, cluster.AnnouncePort > 0 ? cluster.AnnouncePort : bind.Port);
    }

    private static bool IsWildcard(string host) =>
        host.Length == 0 || (IPAddress.TryParse(host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)));

    /// <summary>This machine's first non-loopback IPv4 address on an interface that is up, else 127.0.0.1.</summary>
    private static string MachineAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(ip => ip.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(ip))
            ?.ToString() ?? "127.0.0.1";
}
