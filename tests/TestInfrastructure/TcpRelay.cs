using System.Net;
using System.Net.Sockets;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>
/// A loopback TCP relay in front of MariaDB that a test can cut and restore, to play "MySQL went away" without
/// stopping the shared server: <see cref="Cut"/> drops every relayed connection and refuses new ones.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = new();
    private TcpListener? _listener;
    private CancellationTokenSource _cut = new();

    public TcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        Port = MariaDbServer.FreeTcpPort();
        Restore();
    }

    public int Port { get; }
    public string Address => $"127.0.0.1:{Port}";

    public void Restore()
    {
        _cut = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _cut.Token);
    }

    public void Cut()
    {
        _cut.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cut)
    {
        while (!cut.IsCancellationRequested)
        {
            TcpClient inbound;
            try { inbound = await listener.AcceptTcpClientAsync(cut); }
            catch (Exception) { return; }
            var outbound = new TcpClient();
            try { await outbound.ConnectAsync(IPAddress.Loopback, _targetPort, cut); }
            catch (Exception) { inbound.Dispose(); outbound.Dispose(); continue; }
            lock (_open) { _open.Add(inbound); _open.Add(outbound); }
            _ = PumpAsync(inbound, outbound, cut);
            _ = PumpAsync(outbound, inbound, cut);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cut)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream(), cut); }
        catch (Exception) { /* either side closed or the relay was cut */ }
        from.Dispose();
        to.Dispose();
    }

    public void Dispose() => Cut();
}
