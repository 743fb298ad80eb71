using System.Text;

namespace RedisOnMySql.Kernel.Server;

/// <summary>
/// MONITOR: every command a client of the tenant runs on this proxy, sent to the tenant's monitoring connections in
/// Redis's line format (<c>+1339518083.107412 [0 127.0.0.1:60866] "keys" "*"</c>). A monitor never sees another tenant's
/// commands. Costs one check per command while nobody monitors.
/// </summary>
public sealed class MonitorFeed
{
    private readonly List<ClientSession> _monitors = new();
    private volatile int _count;

    public bool Any => _count > 0;

    /// <summary>Starts sending the tenant's commands to the session, until it disconnects or leaves with RESET.</summary>
    public void Add(ClientSession session)
    {
        lock (_monitors)
        {
            if (_monitors.Contains(session)) return;
            _monitors.Add(session);
            _count = _monitors.Count;
        }
        session.Disconnected.Register(() => Remove(session));
    }

    public void Remove(ClientSession session)
    {
        lock (_monitors)
        {
            _monitors.Remove(session);
            _count = _monitors.Count;
        }
    }

    public bool Contains(ClientSession session)
    {
        lock (_monitors) return _monitors.Contains(session);
    }

    /// <summary>Sends a command that ran to the monitors of its client's tenant.</summary>
    public void Publish(ClientSession client, IReadOnlyList<byte[]> args)
    {
        ClientSession[] targets;
        lock (_monitors) targets = _monitors.Where(m => m.Tenant == client.Tenant && m.Tenant is not null).ToArray();
        if (targets.Length == 0) return;
        var line = Line(client, args);
        foreach (var monitor in targets) monitor.Pushes.Enqueue(line);
    }

    private static byte[] Line(ClientSession client, IReadOnlyList<byte[]> args)
    {
        long micros = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
        var line = new StringBuilder();
        line.Append('+').Append(micros / 1_000_000).Append('.').Append((micros % 1_000_000).ToString("D6"))
            .Append(" [").Append(client.Db).Append(' ').Append(Families.Server.ClientLine.Address(client.RemoteEndPoint)).Append(']');
        // AUTH and HELLO carry passwords: Redis shows their arguments as (redacted).
        bool redacted = args.Count > 0 && (Ascii(args[0]) is "auth" or "hello");
        for (int i = 0; i < args.Count; i++)
        {
            line.Append(' ');
            if (redacted && i > 0) line.Append("\"(redacted)\"");
            else Quote(line, args[i]);
        }
        return Encoding.Latin1.GetBytes(line.Append("\r\n").ToString());
    }

    private static string Ascii(byte[] arg) => Encoding.ASCII.GetString(arg).ToLowerInvariant();

    /// <summary>sdscatrepr's quoting: printable bytes as they are, the usual escapes, any other byte as \xHH.</summary>
    private static void Quote(StringBuilder line, byte[] arg)
    {
        line.Append('"');
        foreach (byte b in arg)
        {
            switch (b)
            {
                case (byte)'\\': line.Append("\\\\"); break;
                case (byte)'"': line.Append("\\\""); break;
                case (byte)'\n': line.Append("\\n"); break;
                case (byte)'\r': line.Append("\\r"); break;
                case (byte)'\t': line.Append("\\t"); break;
                case 7: line.Append("\\a"); break;
                case 8: line.Append("\\b"); break;
                default:
                    if (b is >= 32 and < 127) line.Append((char)b);
                    else line.Append("\\x").Append(b.ToString("x2"));
                    break;
            }
        }
        line.Append('"');
    }
}
