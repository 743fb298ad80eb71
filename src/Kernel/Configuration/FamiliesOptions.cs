namespace RedisOnMySql.Kernel.Configuration;

/// <summary>
/// Command families switched on or off as a whole. Most are on unless disabled (e.g. <c>geo</c>); a family that changes
/// how the proxy presents itself (<c>cluster</c>) is off unless enabled. Disabling wins over enabling.
/// </summary>
public sealed class FamiliesOptions
{
    /// <summary>Trimmed, lower-case family names.</summary>
    public List<string> Enabled { get; set; } = [];

    /// <summary>Trimmed, lower-case family names.</summary>
    public List<string> Disabled { get; set; } = [];

    public bool IsDisabled(string family) => Disabled.Contains(family, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a family is on, given whether it is on when config names it nowhere.</summary>
    public bool IsOn(string family, bool onByDefault) =>
        !IsDisabled(family) && (onByDefault || Enabled.Contains(family, StringComparer.OrdinalIgnoreCase));
}
