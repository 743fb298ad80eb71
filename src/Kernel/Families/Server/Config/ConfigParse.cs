namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>A CONFIG SET value read by a <see cref="ConfigType"/>: the value, or Redis's text for why it is refused.</summary>
internal readonly record struct ConfigParse(object? Value, string? Error)
{
    public static ConfigParse Ok(object value) => new(value, null);

    public static ConfigParse Fail(string error) => new(null, error);
}
