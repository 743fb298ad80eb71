using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace RedisOnMySql.Kernel.Protocol;

/// <summary>Writes RESP2 replies straight into an <see cref="IBufferWriter{T}"/>, formatting numbers in place.</summary>
public sealed class RespWriter(IBufferWriter<byte> output)
{
    // A one-byte prefix, a long with its sign, and CRLF.
    private const int MaxNumberLineLength = 1 + 20 + 2;

    private IBufferWriter<byte> _output = output;
    private IBufferWriter<byte> _target = output;
    private DiscardingBufferWriter? _discard;
    private bool _muted;

    /// <summary>Bytes written since construction or the last <see cref="Reset"/>.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>
    /// Nils and empty arrays written so far (never reset): the dispatcher reads a read command's misses from them
    /// (<see cref="Server.ServerStats.KeysLookedUp"/>).
    /// </summary>
    public long Absences { get; private set; }

    /// <summary>Counts keys a read found missing although its reply is no nil (EXISTS's count, TYPE's none, TTL's -2).</summary>
    public void NoteMissing(long keys) => Absences += keys;

    public void Reset(IBufferWriter<byte> output)
    {
        _target = output;
        _output = _muted ? _discard! : output;
        BytesWritten = 0;
    }

    /// <summary>While muted (CLIENT REPLY OFF or SKIP), everything written is dropped, across <see cref="Reset"/>s.</summary>
    public bool Muted
    {
        get => _muted;
        set
        {
            _muted = value;
            _output = value ? _discard ??= new DiscardingBufferWriter() : _target;
        }
    }

    public void WriteOk() => WriteRaw("+OK\r\n"u8);

    public void WriteSimpleString(string value) => WriteLine((byte)'+', value);

    public void WriteSimpleString(ReadOnlySpan<byte> value) => WriteLine((byte)'+', value);

    /// <summary>Writes <c>-{message}\r\n</c>; CR and LF inside the message become spaces so the reply stays one line.</summary>
    public void WriteError(string message) => WriteLine((byte)'-', message);

    public void WriteInteger(long value) => WriteNumberLine((byte)':', value);

    public void WriteBulkString(ReadOnlySpan<byte> value)
    {
        WriteNumberLine((byte)'$', value.Length);
        WriteRaw(value);
        WriteRaw("\r\n"u8);
    }

    /// <summary>Writes the UTF-8 encoding of <paramref name="value"/> as a bulk string.</summary>
    public void WriteBulkString(string value)
    {
        WriteNumberLine((byte)'$', Encoding.UTF8.GetByteCount(value));
        BytesWritten += Encoding.UTF8.GetBytes(value, _output);
        WriteRaw("\r\n"u8);
    }

    public void WriteNullBulk()
    {
        Absences++;
        WriteRaw("$-1\r\n"u8);
    }

    public void WriteArrayHeader(int count)
    {
        if (count == 0) Absences++;
        WriteNumberLine((byte)'*', count);
    }

    public void WriteNullArray()
    {
        Absences++;
        WriteRaw("*-1\r\n"u8);
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        BytesWritten += bytes.Length;
    }

    private void WriteNumberLine(byte prefix, long value)
    {
        Span<byte> span = _output.GetSpan(MaxNumberLineLength);
        span[0] = prefix;
        Utf8Formatter.TryFormat(value, span[1..], out int digits);
        "\r\n"u8.CopyTo(span[(1 + digits)..]);
        Advance(1 + digits + 2);
    }

    private void WriteLine(byte prefix, string text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        Span<byte> span = _output.GetSpan(length + 3);
        span[0] = prefix;
        Encoding.UTF8.GetBytes(text, span[1..]);
        FinishLine(span, length);
    }

    private void WriteLine(byte prefix, ReadOnlySpan<byte> text)
    {
        Span<byte> span = _output.GetSpan(text.Length + 3);
        span[0] = prefix;
        text.CopyTo(span[1..]);
        FinishLine(span, text.Length);
    }

    // Completes a line whose prefix and body are already in `span`.
    private void FinishLine(Span<byte> span, int bodyLength)
    {
        ReplaceLineBreaks(span.Slice(1, bodyLength));
        "\r\n"u8.CopyTo(span[(1 + bodyLength)..]);
        Advance(bodyLength + 3);
    }

    // Simple strings and errors end at the first CRLF, so an embedded one would corrupt the reply stream.
    private static void ReplaceLineBreaks(Span<byte> text)
    {
        text.Replace((byte)'\r', (byte)' ');
        text.Replace((byte)'\n', (byte)' ');
    }

    private void Advance(int count)
    {
        _output.Advance(count);
        BytesWritten += count;
    }
}
