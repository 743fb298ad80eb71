namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// Marks a handler method <c>ValueTask Name(CommandContext ctx)</c> on an <see cref="ICommandFamily"/> as a Redis
/// command. The metadata follows Redis: arity counts the command name, negative means "at least";
/// key positions are 1-based argument indexes (0 = no keys, -1 last = up to the last argument).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RedisCommandAttribute(string name, int arity, CommandFlags flags, int firstKey = 0, int lastKey = 0, int step = 0)
    : Attribute
{
    public string Name { get; } = name;
    public int Arity { get; } = arity;
    public CommandFlags Flags { get; } = flags;
    public int FirstKey { get; } = firstKey;
    public int LastKey { get; } = lastKey;
    public int Step { get; } = step;
    /// <summary>Redis ACL-ish group shown by COMMAND DOCS (string, keyspace, connection, server, ...).</summary>
    public string Group { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Since { get; init; } = "1.0.0";

    /// <summary>
    /// The command's own ACL categories in Redis (its acl_categories), space-separated, instead of the one its group
    /// implies: "@connection" for READONLY (group "cluster"), "@keyspace @dangerous" for KEYS. Its flags add the rest
    /// (@read, @write, @fast or @slow, @admin, ...).
    /// </summary>
    public string AclCategories { get; init; } = "";

    /// <summary>
    /// A kernel stand-in that an enabled family's command of the same name replaces without a conflict: CLUSTER
    /// answering as Redis with cluster mode off until the cluster family is on.
    /// </summary>
    public bool StandIn { get; init; }
}
