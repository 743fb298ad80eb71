namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>One pair of Redis's save parameter: snapshot after this many seconds if this many keys changed.</summary>
internal readonly record struct SavePoint(long Seconds, int Changes);
