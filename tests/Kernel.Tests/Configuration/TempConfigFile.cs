namespace RedisOnMySql.Kernel.Tests.Configuration;

/// <summary>A YAML config file in its own temporary directory, removed on dispose.</summary>
internal sealed class TempConfigFile : IDisposable
{
    private readonly string _directory;

    public TempConfigFile(string yaml)
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "redis-on-mysql-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "redis-on-mysql.yaml");
        File.WriteAllText(Path, yaml);
    }

    public string Path { get; }

    /// <summary>An environment holding only REDIS_MYSQL_CONFIG pointing at this file, plus <paramref name="variables"/>.</summary>
    public Dictionary<string, string?> Environment(params (string Name, string? Value)[] variables)
    {
        var environment = new Dictionary<string, string?> { ["REDIS_MYSQL_CONFIG"] = Path };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
