namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>A yes/no parameter (any case in, "yes" or "no" out), optionally refusing a value with Redis's text.</summary>
internal sealed class BoolConfigType(Func<bool, string?>? validate = null) : ConfigType
{
    public override ConfigParse Parse(string argument, object current)
    {
        bool? value = argument.Equals("yes", StringComparison.OrdinalIgnoreCase) ? true
            : argument.Equals("no", StringComparison.OrdinalIgnoreCase) ? false
            : null;
        if (value is not { } yes) return ConfigParse.Fail("argument must be 'yes' or 'no'");
        return validate?.Invoke(yes) is { } error ? ConfigParse.Fail(error) : ConfigParse.Ok(yes);
    }

    public override string Format(object value) => (bool)value ? "yes" : "no";
}
