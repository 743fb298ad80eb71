using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>
/// A bare TCP connection for checking exact RESP2 bytes. Replies are returned as their raw
/// wire text (including every CRLF), e.g. <c>"+OK\r\n"</c> or <c>"*2\r\n$1\r\na\r\n$-1\r\n"</c>.
/// </summary>
public sealed class RawRespClient : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly byte[] _readBuffer = new byte[64 * 1024];
    private byte[] _pending = new byte[64 * 1024]; // received, not yet consumed
    private int _pendingLength;
    private Task<int>? _outstandingRead;
    private bool _eof;

    public int Port { get; }

    /// <summary>Connects (synchronously) to host:port.</summary>
    public RawRespClient(int port, string host = "127.0.0.1")
    {
        Port = port;
        _tcp = new TcpClient { NoDelay = true };
        _tcp.Connect(host, port);
        _stream = _tcp.GetStream();
    }

    /// <summary>Connects, sends <c>AUTH user password</c> and checks for <c>+OK</c>.</summary>
    public static async Task<RawRespClient> ConnectAuthenticatedAsync(int port, string user, string password)
    {
        var client = new RawRespClient(port);
        var reply = await client.CommandAsync("AUTH", user, password);
        if (reply != "+OK\r\n")
        {
            client.Dispose();
            throw new InvalidOperationException($"AUTH {user} failed: {reply.TrimEnd()}");
        }
        return client;
    }

    /// <summary>True once the server closed the connection (seen by a read).</summary>
    public bool ServerClosed => _eof;

    // ---------------------------------------------------------------- sending

    public void Send(byte[] data) => _stream.Write(data, 0, data.Length);

    /// <summary>Sends UTF-8 text as is (for inline commands and hand-written frames).</summary>
    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    public Task SendAsync(byte[] data) => _stream.WriteAsync(data, 0, data.Length);

    /// <summary>Sends a multibulk command and reads one reply.</summary>
    public async Task<string> CommandAsync(params string[] args)
    {
        Send(Command(args));
        return await ReadReplyAsync();
    }

    /// <summary>Sends a multibulk command and reads one reply.</summary>
    public async Task<string> CommandAsync(params byte[][] args)
    {
        Send(Command(args));
        return await ReadReplyAsync();
    }

    /// <summary>Multibulk encoding of UTF-8 arguments.</summary>
    public static byte[] Command(params string[] args) =>
        Command(args.Select(a => Encoding.UTF8.GetBytes(a)).ToArray());

    /// <summary>Multibulk encoding of binary arguments.</summary>
    public static byte[] Command(params byte[][] args)
    {
        var ms = new MemoryStream();
        WriteAscii(ms, $"*{args.Length}\r\n");
        foreach (var arg in args)
        {
            WriteAscii(ms, $"${arg.Length}\r\n");
            ms.Write(arg, 0, arg.Length);
            WriteAscii(ms, "\r\n");
        }
        return ms.ToArray();
    }

    private static void WriteAscii(Stream s, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        s.Write(bytes, 0, bytes.Length);
    }

    // ---------------------------------------------------------------- reading

    /// <summary>
    /// Reads exactly one RESP2 reply (nested arrays included) and returns its raw bytes decoded
    /// as UTF-8. Throws <see cref="TimeoutException"/> or <see cref="EndOfStreamException"/>
    /// (with whatever was received) if no complete reply arrives.
    /// </summary>
    public async Task<string> ReadReplyAsync(TimeSpan? timeout = null) =>
        Encoding.UTF8.GetString(await ReadReplyBytesAsync(timeout));

    /// <summary>Like <see cref="ReadReplyAsync"/> but returns the exact bytes.</summary>
    public async Task<byte[]> ReadReplyBytesAsync(TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var end = RespFrame.FindEnd(_pending.AsSpan(0, _pendingLength), 0);
            if (end > 0) return Consume(end);
            if (_eof)
                throw new EndOfStreamException(
                    $"Connection closed by server before a complete reply; received: {Describe()}");
            var remaining = limit - deadline.Elapsed;
            if (remaining <= TimeSpan.Zero || await ReceiveAsync(remaining) < 0)
                throw new TimeoutException(
                    $"No complete reply within {limit.TotalSeconds:0.###} s; received so far: {Describe()}");
        }
    }

    /// <summary>
    /// Everything received until <paramref name="timeout"/> elapses (or the server closes),
    /// including bytes already buffered. Returns an empty array if nothing came.
    /// </summary>
    public async Task<byte[]> ReadAvailableAsync(TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (!_eof)
        {
            var remaining = timeout - sw.Elapsed;
            if (remaining <= TimeSpan.Zero || await ReceiveAsync(remaining) < 0) break;
        }
        return Consume(_pendingLength);
    }

    /// <summary>
    /// True if the server closes the connection (EOF or reset) within <paramref name="timeout"/>.
    /// Data arriving meanwhile is kept for later reads.
    /// </summary>
    public async Task<bool> IsClosedByServerAsync(TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (!_eof)
        {
            var remaining = timeout - sw.Elapsed;
            if (remaining <= TimeSpan.Zero || await ReceiveAsync(remaining) < 0) return false;
        }
        return true;
    }

    /// <summary>Reads once: bytes appended (&gt;0), 0 on EOF/reset, -1 on timeout.</summary>
    private async Task<int> ReceiveAsync(TimeSpan timeout)
    {
        if (_eof) return 0;
        _outstandingRead ??= _stream.ReadAsync(_readBuffer, 0, _readBuffer.Length);
        if (!_outstandingRead.IsCompleted)
        {
            using var cts = new CancellationTokenSource();
            var delay = Task.Delay(timeout, cts.Token);
            var done = await Task.WhenAny(_outstandingRead, delay);
            cts.Cancel();
            if (done != _outstandingRead) return -1;
        }
        var read = _outstandingRead;
        _outstandingRead = null;
        int n;
        try
        {
            n = await read;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            n = 0;
        }
        if (n == 0)
        {
            _eof = true;
            return 0;
        }
        if (_pendingLength + n > _pending.Length)
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + n));
        Buffer.BlockCopy(_readBuffer, 0, _pending, _pendingLength, n);
        _pendingLength += n;
        return n;
    }

    private byte[] Consume(int count)
    {
        var result = _pending.AsSpan(0, count).ToArray();
        Buffer.BlockCopy(_pending, count, _pending, 0, _pendingLength - count);
        _pendingLength -= count;
        return result;
    }

    private string Describe()
    {
        var text = Encoding.UTF8.GetString(_pending, 0, Math.Min(_pendingLength, 2048));
        return _pendingLength == 0 ? "(nothing)" : "\"" + text.Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
    }

    public void Dispose()
    {
        try { _tcp.Client.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        _stream.Dispose();
        _tcp.Dispose();
    }
}

/// <summary>Finds where one RESP2 value ends in a buffer.</summary>
public static class RespFrame
{
    /// <summary>
    /// Index just past the RESP2 value starting at <paramref name="start"/>, or -1 if the buffer
    /// does not hold a complete value yet. Throws <see cref="InvalidDataException"/> on a byte
    /// that cannot start a RESP2 value.
    /// </summary>
    public static int FindEnd(ReadOnlySpan<byte> buffer, int start)
    {
        if (start >= buffer.Length) return -1;
        var lineEnd = LineEnd(buffer, start);
        if (lineEnd < 0) return -1;
        var afterLine = lineEnd + 2;
        switch ((char)buffer[start])
        {
            case '+':
            case '-':
            case ':':
                return afterLine;
            case '$':
            {
                var len = ParseLength(buffer, start + 1, lineEnd);
                if (len < 0) return afterLine;
                var end = afterLine + len + 2;
                return end <= buffer.Length ? end : -1;
            }
            case '*':
            {
                var count = ParseLength(buffer, start + 1, lineEnd);
                var pos = afterLine;
                for (long i = 0; i < count; i++)
                {
                    pos = FindEnd(buffer, pos);
                    if (pos < 0) return -1;
                }
                return pos;
            }
            default:
                throw new InvalidDataException(
                    $"Not a RESP2 reply: starts with byte 0x{buffer[start]:X2} ('{Encoding.UTF8.GetString(buffer[start..Math.Min(buffer.Length, start + 80)])}').");
        }
    }

    private static int LineEnd(ReadOnlySpan<byte> buffer, int from)
    {
        for (var i = from; i + 1 < buffer.Length; i++)
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') return i;
        return -1;
    }

    private static int ParseLength(ReadOnlySpan<byte> buffer, int from, int to)
    {
        var text = Encoding.ASCII.GetString(buffer[from..to]);
        if (!int.TryParse(text, out var n) || n < -1)
            throw new InvalidDataException($"Bad RESP length '{text}'.");
        return n;
    }
}
