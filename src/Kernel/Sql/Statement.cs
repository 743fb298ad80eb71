namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// A compiled SQL statement: MySQL text with named parameters, built once. <see cref="Parameters"/> lists the
/// caller-supplied parameter names in the order callers pass their values; tenant and db are bound by the executor.
/// </summary>
public sealed class Statement
{
    internal Statement(string name, string sql, IReadOnlyList<string> parameters, bool usesTenant, bool usesDb)
    {
        Name = name;
        Sql = sql;
        Parameters = parameters;
        UsesTenant = usesTenant;
        UsesDb = usesDb;
    }

    public string Name { get; }
    public string Sql { get; }
    public IReadOnlyList<string> Parameters { get; }
    /// <summary>Whether the text names @tenant / @db, which the executor then binds from the session.</summary>
    internal bool UsesTenant { get; }
    internal bool UsesDb { get; }

    public override string ToString() => $"-- {Name}\n{Sql};";
}
