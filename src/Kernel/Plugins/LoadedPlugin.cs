using System.Reflection;

namespace RedisOnMySql.Kernel.Plugins;

/// <summary>A plugin assembly loaded from plugins/&lt;Name&gt;/&lt;Name&gt;.dll, with the folder holding its migrations.</summary>
public sealed record LoadedPlugin(string Name, string Directory, Assembly Assembly)
{
    public string MigrationsDirectory => Path.Combine(Directory, "migrations");
}
