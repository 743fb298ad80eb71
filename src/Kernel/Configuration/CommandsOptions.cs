namespace RedisOnMySql.Kernel.Configuration;

/// <summary>Single commands (e.g. <c>FLUSHALL</c>) switched off; they then answer like unknown commands.</summary>
public sealed class CommandsOptions
{
    /// <summary>Trimmed, upper-case command names.</summary>
    public List<string> Disabled { get; set; } = [];

    public bool IsDisabled(string command) => Disabled.Contains(command, StringComparer.OrdinalIgnoreCase);
}
