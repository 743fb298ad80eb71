using System.Collections;

namespace RedisOnMySql.Kernel.Configuration;

/// <summary>
/// Builds the effective configuration: defaults, then the YAML file named by
/// <c>REDIS_MYSQL_CONFIG</c>, then <c>REDIS_MYSQL_*</c> environment variables.
/// </summary>
public static class ConfigLoader
{
    public const string ConfigFileVariable = "REDIS_MYSQL_CONFIG";

    /// <summary>Loads from the process environment.</summary>
    public static ProxyOptions Load()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            environment[(string)variable.Key] = (string?)variable.Value;
        }

        return Load(environment);
    }

    /// <summary>Loads from the given environment, which makes precedence testable without touching the process.</summary>
    /// <exception cref="ConfigException">The file is missing or unreadable, or a key or value is invalid.</exception>
    public static ProxyOptions Load(IReadOnlyDictionary<string, string?> environment)
    {
        var options = new ProxyOptions();

        if (environment.TryGetValue(ConfigFileVariable, out var configFile) && !string.IsNullOrWhiteSpace(configFile))
        {
            YamlConfigFile.Apply(options, configFile);
        }

        foreach (var entry in ConfigEntries.All)
        {
            if (environment.TryGetValue(entry.EnvName, out var value) && value is not null
                && (entry.AcceptsEmpty || !string.IsNullOrWhiteSpace(value)))
            {
                entry.Apply(options, value, entry.EnvName);
            }
        }

        return options;
    }
}
