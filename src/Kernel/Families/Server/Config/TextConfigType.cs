namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>A free-text parameter (file names, addresses, passwords), optionally refusing a value with Redis's text.</summary>
internal sealed class TextConfigType(Func<string, string?>? validate = null) : ConfigType
{
    public override ConfigParse Parse(string argument, object current) =>
        validate?.Invoke(argument) is { } error ? ConfigParse.Fail(error) : ConfigParse.Ok(argument);

    public override string Format(object value) => (string)value;
}
