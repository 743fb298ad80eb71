using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Commands;

public delegate ValueTask CommandHandler(CommandContext context);

public delegate CommandPlan? CommandPlanner(CommandContext context);

/// <summary>One row of the command table: Redis metadata plus the handler and where it came from.</summary>
public sealed record CommandEntry(
    string Name,
    int Arity,
    CommandFlags Flags,
    int FirstKey,
    int LastKey,
    int Step,
    string Family,
    string Plugin,
    string Group,
    string Summary,
    string Since,
    CommandHandler Handler,
    CommandPlanner? Planner = null,
    bool StandIn = false,
    string AclCategories = "")
{
    public bool Has(CommandFlags flag) => (Flags & flag) != 0;

    public bool ArityMatches(int argc) => Arity >= 0 ? argc == Arity : argc >= -Arity;

    /// <summary>Argument indexes holding keys, from the key spec (as COMMAND GETKEYS reports them).</summary>
    /// <summary>
    /// How many keys a read-only command of <paramref name="argc"/> arguments looks up (what keyspace_hits and misses
    /// count); 0 for any other command.
    /// </summary>
    public int ReadKeyCount(int argc)
    {
        if (FirstKey <= 0 || !Has(CommandFlags.ReadOnly)) return 0;
        int last = Math.Min(LastKey < 0 ? argc + LastKey : LastKey, argc - 1);
        return last < FirstKey ? 0 : (last - FirstKey) / Math.Max(1, Step) + 1;
    }

    public IEnumerable<int> KeyIndexes(int argc)
    {
        if (FirstKey <= 0) yield break;
        int last = LastKey < 0 ? argc + LastKey : LastKey;
        int step = Math.Max(1, Step);
        for (int i = FirstKey; i <= last && i < argc; i += step) yield return i;
    }

    /// <summary>Flag names in Redis's spelling, for COMMAND INFO.</summary>
    public IEnumerable<string> FlagNames()
    {
        if (Has(CommandFlags.Write)) yield return "write";
        if (Has(CommandFlags.ReadOnly)) yield return "readonly";
        if (Has(CommandFlags.DenyOom)) yield return "denyoom";
        if (Has(CommandFlags.Admin)) yield return "admin";
        if (Has(CommandFlags.PubSub)) yield return "pubsub";
        if (Has(CommandFlags.NoScript)) yield return "noscript";
        if (Has(CommandFlags.Blocking)) yield return "blocking";
        if (Has(CommandFlags.Loading)) yield return "loading";
        if (Has(CommandFlags.Stale)) yield return "stale";
        if (Has(CommandFlags.SkipSlowlog)) yield return "skip_slowlog";
        if (Has(CommandFlags.Fast)) yield return "fast";
        if (Has(CommandFlags.NoAuth)) yield return "no_auth";
        if (Has(CommandFlags.NoAsyncLoading)) yield return "no_async_loading";
        if (Has(CommandFlags.NoMulti)) yield return "no_multi";
        if (Has(CommandFlags.AllowBusy)) yield return "allow_busy";
    }
}
