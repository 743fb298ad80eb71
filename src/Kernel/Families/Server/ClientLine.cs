using System.Net;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>One connection as CLIENT LIST and CLIENT INFO describe it, in Redis's field order.</summary>
internal static class ClientLine
{
    public static string Format(ClientSession s, DateTimeOffset now)
    {
        long age = (long)(now - s.ConnectedAt).TotalSeconds;
        long idle = Math.Max(0, (long)(now - s.LastInteraction).TotalSeconds);
        // The proxy shares no file descriptor, buffer or memory figures with Redis, so those fields are fixed.
        return $"id={s.Id} addr={Address(s.RemoteEndPoint)} laddr={Address(s.LocalEndPoint)} fd=-1 name={s.Name} " +
               $"age={age} idle={idle} flags={(s.IsBlocked ? "b" : "N")} db={s.Db} sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 " +
               $"multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem=0 tot-mem=0 events=r cmd={s.LastCommand} " +
               $"user={s.User ?? "default"} redir=-1 resp=2 lib-name={s.LibName} lib-ver={s.LibVersion}";
    }

    /// <summary>"ip:port", with IPv6 in brackets and IPv4-mapped addresses shown as IPv4, as Redis prints them.</summary>
    public static string Address(EndPoint? endPoint) => endPoint switch
    {
        IPEndPoint ip when ip.Address.IsIPv4MappedToIPv6 => $"{ip.Address.MapToIPv4()}:{ip.Port}",
        IPEndPoint ip => ip.ToString(),
        null => "",
        _ => endPoint.ToString() ?? "",
    };
}
