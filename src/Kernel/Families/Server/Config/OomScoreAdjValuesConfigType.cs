namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>oom-score-adj-values: exactly three numbers (master, replica, background child) between -2000 and 2000.</summary>
internal sealed class OomScoreAdjValuesConfigType : ConfigType
{
    public override ConfigParse Parse(string argument, object current)
    {
        var words = ConfigArguments.Split(argument);
        if (words.Length != 3) return ConfigParse.Fail("wrong number of arguments");
        var values = new int[3];
        for (int i = 0; i < 3; i++)
        {
            long value = CNumberText.StrToLong(words[i], 10, out bool whole, out _);
            if (!whole || value < -2000 || value > 2000)
                return ConfigParse.Fail("Invalid oom-score-adj-values, elements must be between -2000 and 2000.");
            values[i] = (int)value;
        }
        return ConfigParse.Ok(values);
    }

    public override string Format(object value) => string.Join(' ', (int[])value);
}
