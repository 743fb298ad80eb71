namespace RedisOnMySql.Differential.Tests;

/// <summary>Every case of every <c>cases/*.redis</c> file copied next to the test assembly, read once.</summary>
public static class CaseLibrary
{
    private static readonly Lazy<IReadOnlyList<DifferentialCase>> LazyAll = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<DifferentialCase> All => LazyAll.Value;

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
