namespace RedisOnMySql.Kernel.Sql;

/// <summary>How the builder scopes a table: every access is filtered by tenant, and by db where the table has one.</summary>
public enum TableScope
{
    /// <summary>Rows belong to (tenant, db), like the keyspace.</summary>
    TenantAndDb,
    /// <summary>Rows belong to a tenant only, like child rows keyed by a key id.</summary>
    Tenant,
    /// <summary>
    /// Rows about the proxies themselves, which every tenant sees alike (the cluster's nodes): no tenant or db scope.
    /// Such a table must hold nothing a tenant wrote.
    /// </summary>
    Shared,
}

/// <summary>A table the builder may touch, with the scope the kernel enforces on it.</summary>
public sealed record SqlTable(string Name, TableScope Scope)
{
    public static readonly SqlTable Keyspace = new("keyspace", TableScope.TenantAndDb);
}
