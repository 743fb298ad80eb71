using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>One client class's output buffer limit as Redis keeps it: unsigned hard and soft bytes (0 = none) and the soft limit's seconds.</summary>
internal readonly record struct ClientBufferLimit(ulong HardBytes, ulong SoftBytes, int SoftSeconds)
{
    /// <summary>The limit in the form the connection code uses; byte counts past long's range mean no practical limit.</summary>
    public OutputBufferLimit ToOutputBufferLimit() =>
        new((long)Math.Min(HardBytes, long.MaxValue), (long)Math.Min(SoftBytes, long.MaxValue), SoftSeconds);
}
