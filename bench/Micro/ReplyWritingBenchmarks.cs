using System.Buffers;
using BenchmarkDotNet.Attributes;
using RedisOnMySql.Kernel.Protocol;

namespace RedisOnMySql.Bench.Micro;

/// <summary>The reply step of a pipelined read: 16 bulk-string GET replies written into one reused output buffer.</summary>
[MemoryDiagnoser]
public class ReplyWritingBenchmarks
{
    private const int PipelineDepth = 16;

    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);
    private RespWriter _writer = null!;
    private byte[] _value = [];

    /// <summary>redis-benchmark's default value is 3 bytes; 1 KiB shows the copy cost.</summary>
    [Params(3, 1024)]
    public int ValueSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _value = new byte[ValueSize];
        Array.Fill(_value, (byte)'x');
        _writer = new RespWriter(_output);
    }

    [Benchmark(OperationsPerInvoke = PipelineDepth)]
    public long WriteBulkReplies()
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        for (int i = 0; i < PipelineDepth; i++)
            _writer.WriteBulkString(_value);
        return _writer.BytesWritten;
    }

    [Benchmark(OperationsPerInvoke = PipelineDepth)]
    public long WriteNullReplies()
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        for (int i = 0; i < PipelineDepth; i++)
            _writer.WriteNullBulk();
        return _writer.BytesWritten;
    }
}
