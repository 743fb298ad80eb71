namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// CLUSTER's subcommands in Redis 7.0, with their arities: Redis checks a subcommand's name and argument count before
/// anything else, with cluster mode on or off, so the kernel's stand-in and the cluster family both answer from this.
/// </summary>
public static class ClusterSubcommands
{
    public static readonly IReadOnlyDictionary<string, int> Arities = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["addslots"] = -3, ["addslotsrange"] = -4, ["bumpepoch"] = 2, ["count-failure-reports"] = 3,
        ["countkeysinslot"] = 3, ["delslots"] = -3, ["delslotsrange"] = -4, ["failover"] = -2, ["flushslots"] = 2,
        ["forget"] = 3, ["getkeysinslot"] = 4, ["help"] = 2, ["info"] = 2, ["keyslot"] = 3, ["links"] = 2, ["meet"] = -4,
        ["myid"] = 2, ["nodes"] = 2, ["replicas"] = 3, ["replicate"] = 3, ["reset"] = -2, ["saveconfig"] = 2,
        ["set-config-epoch"] = 3, ["setslot"] = -4, ["shards"] = 2, ["slaves"] = 3, ["slots"] = 2,
    };

    /// <summary>Every subcommand, each run by the handler <paramref name="handlerFor"/> gives for its lower-case name.</summary>
    public static Subcommands Build(Func<string, Func<CommandContext, ValueTask>> handlerFor)
    {
        var subcommands = new Subcommands("cluster");
        foreach (var (name, arity) in Arities) subcommands.Add(name, arity, handlerFor(name));
        return subcommands;
    }
}
