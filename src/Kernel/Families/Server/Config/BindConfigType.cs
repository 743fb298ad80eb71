namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>bind: up to 16 addresses separated by spaces ("" for none).</summary>
internal sealed class BindConfigType : ConfigType
{
    private const int MaxAddresses = 16;

    public override ConfigParse Parse(string argument, object current)
    {
        var addresses = ConfigArguments.Split(argument);
        return addresses.Length > MaxAddresses
            ? ConfigParse.Fail("Too many bind addresses specified.")
            : ConfigParse.Ok(addresses);
    }

    public override string Format(object value) => string.Join(' ', (string[])value);
}
