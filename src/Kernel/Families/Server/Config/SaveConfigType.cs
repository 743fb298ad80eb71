namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// save: pairs of seconds (at least 1) and changes (at least 0), or "" for none. Numbers are read as strtoll reads
/// them and changes kept in a C int, as Redis does (so "3600 " is 3600 seconds and 0 changes).
/// </summary>
internal sealed class SaveConfigType : ConfigType
{
    private const string Invalid = "Invalid save parameters";

    public override ConfigParse Parse(string argument, object current)
    {
        var words = ConfigArguments.Split(argument);
        if (words.Length % 2 != 0) return ConfigParse.Fail(Invalid);
        var numbers = new long[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            numbers[i] = CNumberText.StrToLong(words[i], 10, out bool whole, out _);
            if (!whole || numbers[i] < (i % 2 == 0 ? 1 : 0)) return ConfigParse.Fail(Invalid);
        }
        var points = new SavePoint[words.Length / 2];
        for (int i = 0; i < points.Length; i++) points[i] = new SavePoint(numbers[2 * i], unchecked((int)numbers[2 * i + 1]));
        return ConfigParse.Ok(points);
    }

    public override string Format(object value) =>
        string.Join(' ', ((SavePoint[])value).Select(p => $"{p.Seconds} {p.Changes}"));
}
