using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Plugins;

/// <summary>
/// Finds plugins/&lt;Name&gt;/&lt;Name&gt;.dll and loads each in its own load context. Only the kernel's SDK and the
/// Microsoft.Extensions abstractions are shared, so a plugin may carry its own versions of anything else.
/// </summary>
public static class PluginCatalog
{
    private static readonly Type[] SharedTypes =
    [
        typeof(ICommandFamily),
        typeof(ILogger),
        typeof(IServiceCollection),
    ];

    /// <summary>Relative directories are resolved against the kernel's own folder, so `dotnet run` finds the build output.</summary>
    public static string ResolveDirectory(string configured) =>
        Path.IsPathRooted(configured) ? configured : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, configured));

    public static IReadOnlyList<LoadedPlugin> Load(string directory, ILogger logger)
    {
        var plugins = new List<LoadedPlugin>();
        if (!System.IO.Directory.Exists(directory))
        {
            logger.LogWarning("Plugin directory {Directory} does not exist; only kernel commands are available", directory);
            return plugins;
        }
        foreach (var folder in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var dll = Path.Combine(folder, name + ".dll");
            if (!File.Exists(dll))
            {
                logger.LogWarning("Skipping {Folder}: no {Name}.dll inside", folder, name);
                continue;
            }
            var loader = PluginLoader.CreateFromAssemblyFile(dll, SharedTypes, config => config.PreferSharedTypes = false);
            plugins.Add(new LoadedPlugin(name, folder, loader.LoadDefaultAssembly()));
            logger.LogInformation("Loaded plugin {Name} from {Path}", name, dll);
        }
        return plugins;
    }
}
