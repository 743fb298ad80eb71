namespace RedisOnMySql.Kernel.Sql;

/// <summary>What the kernel binds to every statement: whose data, which logical database, and the clock.</summary>
public readonly record struct SqlScope(string Tenant, int Db);
