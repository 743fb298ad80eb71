namespace RedisOnMySql.Kernel.Configuration;

/// <summary>Command families (e.g. <c>geo</c>) switched off as a whole.</summary>
public sealed class FamiliesOptions
{
    /// <summary>Trimmed, lower-case family names.</summary>
    public List<string> Disabled { get; set; } = [];

    public bool IsDisabled(string family) => Disabled.Contains(family, StringComparer.OrdinalIgnoreCase);
}
