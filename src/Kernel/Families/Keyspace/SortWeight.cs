using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// The number SORT orders an element by, read as Redis reads it: C's strtod (<see cref="Strtod"/>) on the value up to
/// its first NUL byte, refused when text follows the number, when it is out of a double's range (glibc's ERANGE, which
/// a subnormal result also raises), or when it is NaN. So leading spaces, hexadecimal ("0x1p4"), "inf" and "infinity"
/// are numbers, and an empty value is 0, as in Redis.
/// </summary>
public static class SortWeight
{
    public static bool TryParse(ReadOnlySpan<byte> value, out double weight)
    {
        weight = 0;
        int nul = value.IndexOf((byte)0);
        var text = nul < 0 ? value : value[..nul];
        // strtod's end then stays at the NUL that ends the text: not an error.
        if (text.IsEmpty) return true;
        var number = Strtod.Parse(text);
        if (number.Length != text.Length || number.OutOfRange || double.IsNaN(number.Value) || double.IsSubnormal(number.Value))
            return false;
        weight = number.Value;
        return true;
    }
}
