namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// A family of commands that can be switched on and off as one (config <c>families.enabled</c> / <c>families.disabled</c>).
/// Implementations are discovered by assembly scanning and created once through DI.
/// </summary>
public interface ICommandFamily
{
    /// <summary>Lower-case family name used in config, e.g. "strings".</summary>
    string Name { get; }

    /// <summary>
    /// Whether the family is on when config names it nowhere; a family that is off by default is switched on by
    /// <c>families.enabled</c>.
    /// </summary>
    bool EnabledByDefault => true;
}
