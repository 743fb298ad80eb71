namespace RedisOnMySql.Kernel.Configuration;

/// <summary>Where third-party command plugins are looked for.</summary>
public sealed class PluginsOptions
{
    /// <summary>Holds one <c>&lt;Name&gt;/&lt;Name&gt;.dll</c> folder per plugin; relative to the working directory.</summary>
    public string Directory { get; set; } = "./plugins";
}
