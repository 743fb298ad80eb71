using System.Buffers;

namespace RedisOnMySql.Kernel.Protocol;

/// <summary>Where a muted <see cref="RespWriter"/> writes (CLIENT REPLY OFF and SKIP): one reused buffer, never read.</summary>
internal sealed class DiscardingBufferWriter : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[256];

    public void Advance(int count) { }

    public Memory<byte> GetMemory(int sizeHint = 0) => Buffer(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Buffer(sizeHint);

    private byte[] Buffer(int sizeHint)
    {
        if (_buffer.Length < sizeHint) _buffer = new byte[sizeHint];
        return _buffer;
    }
}
