namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>client-output-buffer-limit's value: a limit for each of Redis's three classes of client.</summary>
internal sealed record ClientOutputBufferLimits(ClientBufferLimit Normal, ClientBufferLimit Replica, ClientBufferLimit Pubsub);
