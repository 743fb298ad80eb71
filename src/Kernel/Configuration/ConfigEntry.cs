using System.Linq.Expressions;

namespace RedisOnMySql.Kernel.Configuration;

/// <summary>
/// One config key: its YAML path, its environment variable and the option property it sets.
/// The YAML reader, the environment reader and the startup log all work from these entries,
/// so a key is declared exactly once.
/// </summary>
internal abstract class ConfigEntry(string yamlPath, string envName)
{
    /// <summary>Dotted snake_case path, e.g. "pool.max_connections".</summary>
    public string YamlPath { get; } = yamlPath;

    public string EnvName { get; } = envName;

    public abstract string Expected { get; }

    public abstract bool AcceptsEmpty { get; }

    public abstract bool IsList { get; }

    /// <summary>Parses <paramref name="text"/> and stores it; <paramref name="source"/> says where it came from, for errors.</summary>
    public abstract void Apply(ProxyOptions options, string text, string source);

    /// <summary>The effective value as config text, secrets masked.</summary>
    public abstract string Describe(ProxyOptions options);
}

internal sealed class ConfigEntry<T> : ConfigEntry
{
    private readonly ConfigValueType<T> _type;
    private readonly Func<ProxyOptions, T> _get;
    private readonly Action<ProxyOptions, T> _set;

    /// <param name="property">A property path such as <c>o =&gt; o.Pool.MaxConnections</c>; the setter is derived from it.</param>
    public ConfigEntry(string yamlPath, string envName, ConfigValueType<T> type, Expression<Func<ProxyOptions, T>> property)
        : base(yamlPath, envName)
    {
        _type = type;
        _get = property.Compile();
        _set = CompileSetter(property);
    }

    public override string Expected => _type.Expected;

    public override bool AcceptsEmpty => _type.AcceptsEmpty;

    public override bool IsList => _type.IsList;

    public override void Apply(ProxyOptions options, string text, string source)
    {
        if (!_type.Parse(text, out var value))
        {
            throw new ConfigException($"invalid value '{Redact(text)}' for {YamlPath} ({source}): expected {Expected}");
        }

        _set(options, value);
    }

    public override string Describe(ProxyOptions options) => Redact(_type.Format(_get(options)));

    private string Redact(string text) => _type.Redact?.Invoke(text) ?? text;

    private static Action<ProxyOptions, T> CompileSetter(Expression<Func<ProxyOptions, T>> property)
    {
        if (property.Body is not MemberExpression member)
        {
            throw new ArgumentException("expected a property path", nameof(property));
        }

        var value = Expression.Parameter(typeof(T), "value");
        return Expression.Lambda<Action<ProxyOptions, T>>(
            Expression.Assign(member, value), property.Parameters[0], value).Compile();
    }
}
