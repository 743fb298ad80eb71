namespace RedisOnMySql.Kernel.Sql;

/// <summary>How the builder scopes a table: every access is filtered by tenant, and by db where the table has one.</summary>
public enum TableScope
{
    /// <summary>Rows belong to (tenant, db), like the keyspace.</summary>
    TenantAndDb,
    /// <summary>Rows belong to a tenant only, like child rows keyed by a key id.</summary>
    Tenant,
}

/// <summary>A table the builder may touch, with the scope the kernel enforces on it.</summary>
public sealed record SqlTable(string Name, TableScope Scope)
{
    public static readonly SqlTable Keyspace = new("keyspace", TableScope.TenantAndDb);
}
