namespace RedisOnMySql.Differential.Tests;

/// <summary>
/// Every case of every <c>cases/*.redis</c> file copied next to the test assembly, read once. The cluster family's cases
/// (<c>cases/cluster.redis</c>) run in cluster mode (<see cref="ClusterOracleTests"/>), all others with it off
/// (<see cref="RedisOracleTests"/>).
/// </summary>
public static class CaseLibrary
{
    public const string ClusterFamily = "cluster";

    private static readonly Lazy<IReadOnlyList<DifferentialCase>> LazyAll = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<DifferentialCase> All => LazyAll.Value;

    /// <summary>(family, name) of every case that runs with cluster mode on, or of every one that runs with it off.</summary>
    public static TheoryData<string, string> Cases(bool clusterMode)
    {
        var data = new TheoryData<string, string>();
        foreach (var differentialCase in All.Where(c => (c.Family == ClusterFamily) == clusterMode))
            data.Add(differentialCase.Family, differentialCase.Name);
        return data;
    }

    public static DifferentialCase Find(string family, string name) =>
        All.Single(c => c.Family == family && c.Name == name);

    private static IReadOnlyList<DifferentialCase> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "cases");
        return Directory.GetFiles(folder, "*.redis")
            .Order(StringComparer.Ordinal)
            .SelectMany(CaseFileParser.Parse)
            .ToList();
    }
}
