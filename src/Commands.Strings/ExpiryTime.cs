using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings;

/// <summary>How an expiry argument counts: EX, PX (relative) or EXAT, PXAT (Unix time).</summary>
internal enum ExpiryUnit
{
    Seconds,
    Milliseconds,
    UnixSeconds,
    UnixMilliseconds,
}

/// <summary>Turns an expiry argument into absolute ms with Redis's checks (getExpireMillisecondsOrReply).</summary>
internal static class ExpiryTime
{
    public static long Resolve(byte[] argument, ExpiryUnit unit, long nowMs, string command)
    {
        if (!RedisNumbers.TryParseInt64(argument, out var amount)) throw new RedisException(RedisErrors.NotInteger);
        bool inSeconds = unit is ExpiryUnit.Seconds or ExpiryUnit.UnixSeconds;
        if (amount <= 0 || (inSeconds && amount > long.MaxValue / 1000)) throw Invalid(command);
        long ms = inSeconds ? amount * 1000 : amount;
        if (unit is ExpiryUnit.Seconds or ExpiryUnit.Milliseconds)
        {
            if (ms > long.MaxValue - nowMs) throw Invalid(command);
            ms += nowMs;
        }
        return ms;
    }

    private static RedisException Invalid(string command) => new(string.Format(RedisErrors.InvalidExpire, command));
}
