using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using RedisOnMySql.Kernel.Protocol;

namespace RedisOnMySql.Bench.Micro;

/// <summary>The parse step of a pipelined read: one socket buffer holding 16 GET requests, as redis-benchmark -P 16 sends them.</summary>
[MemoryDiagnoser]
public class RequestParsingBenchmarks
{
    private const int PipelineDepth = 16;

    // Generous limits, so the benchmark measures parsing rather than limit checks failing.
    private static readonly RespLimits Limits = new(512 * 1024 * 1024, 512 * 1024 * 1024, 1024 * 1024, 7);

    private readonly List<byte[]> _args = new(capacity: 3);
    private ReadOnlySequence<byte> _pipeline;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (int i = 0; i < PipelineDepth; i++)
            text.Append($"*2\r\n$3\r\nGET\r\n$16\r\nkey:{i:D12}\r\n");
        _pipeline = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text.ToString()));
    }

    /// <summary>Parses all 16 requests; the operation count makes the reported time and allocation per request.</summary>
    [Benchmark(OperationsPerInvoke = PipelineDepth)]
    public int ParsePipelinedGets()
    {
        var buffer = _pipeline;
        int arguments = 0;
        while (RespRequestParser.TryParse(ref buffer, Limits, _args))
            arguments += _args.Count;
        return arguments;
    }
}
