using System.Reflection;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>Locations inside the repository, found from the running test assembly.</summary>
public static class RepoPaths
{
    private const string SolutionFileName = "RedisOnMySql.sln";

    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> LazyConfiguration = new(FindConfiguration, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder that contains RedisOnMySql.sln.</summary>
    public static string RepoRoot => LazyRepoRoot.Value;

    /// <summary>Build configuration (Debug/Release) the tests were built in.</summary>
    public static string Configuration => LazyConfiguration.Value;

    /// <summary>
    /// The proxy executable for <see cref="Configuration"/>. Overridable with env
    /// REDIS_MYSQL_TEST_KERNEL_DLL.
    /// </summary>
    public static string KernelDll
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable("REDIS_MYSQL_TEST_KERNEL_DLL");
            if (!string.IsNullOrEmpty(overridden))
                return Path.GetFullPath(overridden);
            return Path.Combine(RepoRoot, "src", "Kernel", "bin", Configuration, "net10.0", "RedisOnMySql.Kernel.dll");
        }
    }

    /// <summary>Folder of the root migrations (<c>migrations/</c>).</summary>
    public static string MigrationsDirectory => Path.Combine(RepoRoot, "migrations");

    /// <summary>
    /// All migration files (<c>migrations/*.sql</c> plus <c>src/Commands.*/migrations/*.sql</c>)
    /// in the order they are applied: by file name (ordinal), then by full path.
    /// </summary>
    public static IReadOnlyList<string> MigrationFiles()
    {
        var files = new List<string>();
        if (Directory.Exists(MigrationsDirectory))
            files.AddRange(Directory.GetFiles(MigrationsDirectory, "*.sql", SearchOption.TopDirectoryOnly));

        var src = Path.Combine(RepoRoot, "src");
        if (Directory.Exists(src))
        {
            foreach (var plugin in Directory.GetDirectories(src, "Commands.*", SearchOption.TopDirectoryOnly))
            {
                var dir = Path.Combine(plugin, "migrations");
                if (Directory.Exists(dir))
                    files.AddRange(Directory.GetFiles(dir, "*.sql", SearchOption.TopDirectoryOnly));
            }
        }

        return files
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            $"Could not find {SolutionFileName} above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.");
    }

    private static string FindConfiguration()
    {
        // Test output lives in .../bin/<Configuration>/<tfm>/; take the segment after the last "bin".
        var parts = AppContext.BaseDirectory.Split(
            new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(parts, "bin");
        if (bin >= 0 && bin + 1 < parts.Length)
            return parts[bin + 1];

        var attr = typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>();
        if (!string.IsNullOrEmpty(attr?.Configuration))
            return attr.Configuration;
        return "Debug";
    }
}
