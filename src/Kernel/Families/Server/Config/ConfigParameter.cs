namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// One Redis 7.0 config parameter: its name, the older name it also answers to (hash-max-ziplist-value for
/// hash-max-listpack-value, slave-* for replica-*), how its values are read and printed, its default, and what may be
/// done with it.
/// </summary>
internal sealed class ConfigParameter(
    string name,
    string? alias,
    ConfigType type,
    object defaultValue,
    ConfigFlags flags,
    ConfigApply? apply,
    ConfigValueSource source)
{
    public string Name { get; } = name;
    public string? Alias { get; } = alias;
    public ConfigType Type { get; } = type;

    /// <summary>Redis's default, in the form <see cref="Type"/> reads and prints.</summary>
    public object Default { get; } = defaultValue;

    public ConfigFlags Flags { get; } = flags;

    /// <summary>What runs after a CONFIG SET changed it, if anything.</summary>
    public ConfigApply? Apply { get; } = apply;

    public ConfigValueSource Source { get; } = source;

    public override string ToString() => Name;
}
