using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings;

/// <summary>Redis's largest string (proto-max-bulk-len, 512 MB) and the error for exceeding it.</summary>
internal static class StringLimits
{
    public const long MaxLength = 512L * 1024 * 1024;
    public const string TooLong = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";

    public static void CheckLength(long length)
    {
        if (length > MaxLength) throw new RedisException(TooLong);
    }

    /// <summary>Checks the end of a write at <paramref name="offset"/>, which may be near long.MaxValue, without adding.</summary>
    public static void CheckLength(long offset, long length)
    {
        if (offset > MaxLength - length) throw new RedisException(TooLong);
    }
}
