namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// What runs once after a CONFIG SET changed one or more of the parameters sharing it, on the values the command
/// would leave (Redis's "apply" functions): it may adjust them, or refuse the whole command with Redis's text.
/// </summary>
internal sealed class ConfigApply(Func<IDictionary<ConfigParameter, object>, string?> run)
{
    /// <summary>Null when the new values stand (possibly adjusted in <paramref name="values"/>), else the error.</summary>
    public string? Run(IDictionary<ConfigParameter, object> values) => run(values);
}
