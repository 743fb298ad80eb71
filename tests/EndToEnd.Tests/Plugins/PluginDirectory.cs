using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Plugins;

/// <summary>
/// A throwaway plugins/ folder: the first-party plugins from the kernel's build output plus test plugins built from
/// tests/&lt;Project&gt;. A project is built in place and its output copied, because `dotnet build -o` would also put the
/// referenced kernel (and its migrations) into the plugin folder.
/// </summary>
public sealed class PluginDirectory : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "rom-plugins-" + Guid.NewGuid().ToString("N")[..8]);

    public PluginDirectory() => Directory.CreateDirectory(PluginsPath);

    /// <summary>The folder to pass as REDIS_MYSQL_PLUGINS_DIR.</summary>
    public string PluginsPath => Path.Combine(_root, "plugins");

    public void AddFirstPartyPlugins()
    {
        var built = Path.Combine(Path.GetDirectoryName(RepoPaths.KernelDll)!, "plugins");
        if (!Directory.Exists(built)) return;
        foreach (var plugin in Directory.GetDirectories(built))
            CopyDirectory(plugin, Path.Combine(PluginsPath, Path.GetFileName(plugin)));
    }

    /// <summary>Builds tests/&lt;project&gt; (its assembly name equals the project name) into plugins/&lt;project&gt;/.</summary>
    public async Task AddTestPluginAsync(string project)
    {
        var projectDir = Path.Combine(RepoPaths.RepoRoot, "tests", project);
        // The kernel is already built; building it again would rewrite files that running proxies use.
        var build = await ProcessRunner.RunAsync(ProxyProcess.DotnetHost(),
            ["build", projectDir, "-c", RepoPaths.Configuration, "-p:BuildProjectReferences=false", "-nologo"],
            BuildTimeout, workingDirectory: RepoPaths.RepoRoot);
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"dotnet build {project} failed:\n{build.Combined}");
        var output = Path.Combine(projectDir, "bin", RepoPaths.Configuration, "net10.0");
        CopyDirectory(output, Path.Combine(PluginsPath, project));
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
