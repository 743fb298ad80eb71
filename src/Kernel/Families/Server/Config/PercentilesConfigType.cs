using System.Globalization;

namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// latency-tracking-info-percentiles: numbers from 0 to 100 separated by spaces, or "" for none; printed as C's
/// "%f" without trailing zeros ("99.9", "50").
/// </summary>
internal sealed class PercentilesConfigType : ConfigType
{
    public override ConfigParse Parse(string argument, object current)
    {
        var words = ConfigArguments.Split(argument);
        var percentiles = new double[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            if (!CNumberText.TryParseDouble(words[i], out percentiles[i]))
                return ConfigParse.Fail("Invalid latency-tracking-info-percentiles parameters");
            if (percentiles[i] > 100.0 || percentiles[i] < 0.0)
                return ConfigParse.Fail("latency-tracking-info-percentiles parameters should sit between [0.0,100.0]");
        }
        return ConfigParse.Ok(percentiles);
    }

    public override string Format(object value) => string.Join(' ', ((double[])value).Select(FixedWithoutTrailingZeros));

    private static string FixedWithoutTrailingZeros(double value) =>
        value.ToString("F6", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
}
