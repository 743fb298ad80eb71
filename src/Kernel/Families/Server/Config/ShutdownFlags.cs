namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>The bits of shutdown-on-sigint and shutdown-on-sigterm (Redis's SHUTDOWN_* flags; "default" is none).</summary>
internal static class ShutdownFlags
{
    public const int Save = 1;
    public const int NoSave = 2;
    public const int Now = 4;
    public const int Force = 8;
}
