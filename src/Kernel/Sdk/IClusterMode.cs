namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// Implemented by a family that makes the proxy a Redis Cluster node: while it is enabled the kernel says so where Redis
/// does (INFO's redis_mode and cluster_enabled, HELLO's mode, CONFIG GET cluster-enabled), and the kernel's stand-ins for
/// CLUSTER, READONLY, READWRITE and ASKING, which answer as Redis with cluster mode off, give way to the family's.
/// </summary>
public interface IClusterMode;
