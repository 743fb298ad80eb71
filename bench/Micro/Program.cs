using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace RedisOnMySql.Bench.Micro;

// A named entry point: the kernel's top-level statements already define a global Program type.
public static class MicroBenchmarks
{
    public static void Main(string[] args)
    {
        // Results go under bin/ (git-ignored) instead of the directory the command was started from.
        var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args, config);
    }
}
