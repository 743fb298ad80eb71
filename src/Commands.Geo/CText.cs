using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// Arguments compared as Redis's geo commands compare them, with strcasecmp on the argument as a C string: its text ends
/// at its first NUL byte, so "km\0..." is the unit km.
/// </summary>
internal static class CText
{
    public static bool Is(byte[] argument, string word)
    {
        int end = Array.IndexOf(argument, (byte)0);
        return RedisNumbers.EqualsIgnoreCase(end < 0 ? argument : argument.AsSpan(0, end), word);
    }
}
