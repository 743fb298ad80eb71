using System.Globalization;

namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// A numeric parameter with Redis's bounds. Values are kept as C's long long, as Redis keeps them while it checks
/// them; for a parameter of an unsigned C type (<paramref name="unsignedBounds"/>) the bounds are compared as
/// unsigned, so -1 for maxclients is "between 1 and 4294967295" rather than "an integer" error, as in Redis.
/// </summary>
internal sealed class NumberConfigType(long lower, long upper, NumberFormat format, bool unsignedBounds) : ConfigType
{
    public override ConfigParse Parse(string argument, object current)
    {
        if (!TryRead(argument, out long value)) return ConfigParse.Fail(UnreadableMessage());
        return OutOfBoundsMessage(value) is { } error ? ConfigParse.Fail(error) : ConfigParse.Ok(value);
    }

    public override string Format(object value)
    {
        long number = (long)value;
        return format switch
        {
            NumberFormat.MemoryOrPercent when number < 0 => (-number).ToString(CultureInfo.InvariantCulture) + "%",
            NumberFormat.Memory or NumberFormat.MemoryOrPercent => ((ulong)number).ToString(CultureInfo.InvariantCulture),
            NumberFormat.Octal => Convert.ToString(number, 8),
            _ => number.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Redis's order: a memory value first, then a percentage, then octal or plain digits by the format.</summary>
    private bool TryRead(string argument, out long value)
    {
        value = 0;
        if (format is NumberFormat.Memory or NumberFormat.MemoryOrPercent && CNumberText.TryParseMemory(argument, out ulong bytes))
        {
            value = unchecked((long)bytes);
            return true;
        }
        if (format == NumberFormat.MemoryOrPercent && argument.Length > 1 && argument[^1] == '%'
            && CNumberText.TryParseInteger(argument[..^1], out long percent) && percent >= 0)
        {
            value = -percent;
            return true;
        }
        if (format == NumberFormat.Octal)
        {
            value = CNumberText.StrToLong(argument, 8, out bool whole, out bool overflow);
            return whole && !overflow;
        }
        return format == NumberFormat.Integer && CNumberText.TryParseInteger(argument, out value);
    }

    private string UnreadableMessage() => format switch
    {
        NumberFormat.MemoryOrPercent => "argument must be a memory or percent value",
        NumberFormat.Memory => "argument must be a memory value",
        NumberFormat.Octal => "argument couldn't be parsed as an octal number",
        _ => "argument couldn't be parsed into an integer",
    };

    private string? OutOfBoundsMessage(long value)
    {
        if (unsignedBounds)
        {
            if ((ulong)value <= (ulong)upper && (ulong)value >= (ulong)lower) return null;
            return format == NumberFormat.Octal
                ? $"argument must be between {Convert.ToString(lower, 8)} and {Convert.ToString(upper, 8)} inclusive"
                : $"argument must be between {(ulong)lower} and {(ulong)upper} inclusive";
        }
        // A percentage is kept negative: it is only bounded by how many percent the parameter allows.
        if (format == NumberFormat.MemoryOrPercent && value < 0)
            return value < lower ? $"percentage argument must be less or equal to {-lower}" : null;
        return value > upper || value < lower ? $"argument must be between {lower} and {upper} inclusive" : null;
    }
}
