using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Infrastructure;

public class RepoPathsTests
{
    [Fact]
    public void RepoRoot_holds_the_solution()
    {
        Assert.True(File.Exists(Path.Combine(RepoPaths.RepoRoot, "RedisOnMySql.sln")));
    }

    [Fact]
    public void KernelDll_matches_the_configuration_the_tests_were_built_in()
    {
        Assert.Contains(RepoPaths.Configuration, new[] { "Debug", "Release" });
        var expected = Path.Combine("src", "Kernel", "bin", RepoPaths.Configuration, "net10.0", "RedisOnMySql.Kernel.dll");
        Assert.EndsWith(expected, RepoPaths.KernelDll);
        // The test project references the kernel, so the build produced it.
        Assert.True(File.Exists(RepoPaths.KernelDll), RepoPaths.KernelDll);
    }

    [Fact]
    public void MigrationFiles_are_sql_files_in_file_name_order()
    {
        var files = RepoPaths.MigrationFiles();
        Assert.All(files, f => Assert.EndsWith(".sql", f));
        var names = files.Select(Path.GetFileName).ToList();
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal).ToList(), names);
    }
}
