using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>
/// CLUSTER, READONLY, READWRITE and ASKING as Redis answers them with cluster mode off: stand-ins that the cluster
/// family's commands replace when it is enabled (<see cref="IClusterMode"/>).
/// </summary>
public sealed partial class ServerCommands
{
    private const string ClusterDisabled = "ERR This instance has cluster support disabled";

    private static readonly Subcommands ClusterOff =
        ClusterSubcommands.Build(_ => _ => throw new RedisException(ClusterDisabled));

    [RedisCommand("cluster", -2, CommandFlags.Container, Group = "cluster", Since = "3.0.0",
        Summary = "A container for cluster commands", StandIn = true)]
    public ValueTask Cluster(CommandContext ctx) => ClusterOff.RunAsync(ctx);

    [RedisCommand("readonly", 1, CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast, Group = "cluster", Since = "3.0.0",
        Summary = "Enables read queries for a connection to a cluster replica node", AclCategories = "@connection", StandIn = true)]
    [RedisCommand("readwrite", 1, CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast, Group = "cluster", Since = "3.0.0",
        Summary = "Disables read queries for a connection to a cluster replica node", AclCategories = "@connection", StandIn = true)]
    [RedisCommand("asking", 1, CommandFlags.Fast, Group = "cluster", Since = "3.0.0",
        Summary = "Sent by cluster clients after an -ASK redirect", AclCategories = "@connection", StandIn = true)]
    public ValueTask ClusterConnectionMode(CommandContext ctx) => throw new RedisException(ClusterDisabled);
}
