namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// A compiled SQL statement: MySQL text with named parameters, built once. <see cref="Parameters"/> lists the
/// caller-supplied parameter names in the order callers pass their values; tenant and db are bound by the executor.
/// </summary>
public sealed class Statement
{
    internal Statement(string name, string sql, IReadOnlyList<string> parameters, bool usesTenant, bool usesDb,
        bool writesChildRows = false, KeyLock? locksKeys = null, KeySlotParameter[]? keySlots = null)
    {
        KeySlots = keySlots ?? [];
        Name = name;
        Sql = sql;
        Parameters = parameters;
        UsesTenant = usesTenant;
        UsesDb = usesDb;
        WritesChildRows = writesChildRows;
        LocksKeys = locksKeys;
    }

    public string Name { get; }
    public string Sql { get; }
    public IReadOnlyList<string> Parameters { get; }
    /// <summary>Whether the text names @tenant / @db, which the executor then binds from the session.</summary>
    internal bool UsesTenant { get; }
    internal bool UsesDb { get; }

    /// <summary>
    /// Whether it writes rows of a table other than the keyspace and the event feed: a key's children, which change
    /// the version of every key its transaction locked (<see cref="SqlTransaction"/>).
    /// </summary>
    internal bool WritesChildRows { get; }

    /// <summary>For a keyspace read FOR UPDATE: which of its values name the keys it locks, and their db.</summary>
    internal KeyLock? LocksKeys { get; }

    /// <summary>Parameters the executor binds to the hash slot of a key it was given (<see cref="KeySlotParameter"/>).</summary>
    internal KeySlotParameter[] KeySlots { get; }

    public override string ToString() => $"-- {Name}\n{Sql};";
}
