using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// The subcommands that change the topology (ADDSLOTS, DELSLOTS and their RANGE forms, FLUSHSLOTS, SETSLOT, MEET, FORGET,
/// REPLICATE, FAILOVER, RESET, SAVECONFIG, BUMPEPOCH, SET-CONFIG-EPOCH): the map follows from the live proxies alone, so
/// there is nothing for them to change.
/// </summary>
public sealed partial class ClusterCommands
{
    private static Func<CommandContext, ValueTask> TopologyChange(string subcommand)
    {
        var message = $"ERR CLUSTER {subcommand.ToUpperInvariant()} is not supported: " +
                      "every live proxy is a master and slots are assigned automatically";
        return _ => throw new RedisException(message);
    }
}
