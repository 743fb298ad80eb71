using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// The proxy as a Redis Cluster node (off unless <c>families.enabled: [cluster]</c>). Every live proxy on the database
/// is a master; the slots are shared out among them by <see cref="SlotAssignment"/>, so every proxy answers the same
/// map and cluster clients spread their commands over all of them. Any proxy still serves every key: there is no
/// MOVED or ASK, and no CROSSSLOT. This file: the family, its heartbeat, the CLUSTER container and READONLY, READWRITE
/// and ASKING; the subcommands are in the other ClusterCommands.*.cs files.
/// </summary>
public sealed partial class ClusterCommands : ICommandFamily, IClusterMode, IPeriodicWork
{
    private readonly NodeRegistry _registry;
    private readonly Subcommands _subcommands;

    public ClusterCommands(ProxyOptions options)
    {
        _registry = new NodeRegistry(NodeAddress.Of(options), options.Cluster.HeartbeatSecs);
        Period = TimeSpan.FromSeconds(options.Cluster.HeartbeatSecs);
        _subcommands = ClusterSubcommands.Build(HandlerFor);
    }

    public string Name => "cluster";

    public bool EnabledByDefault => false;

    public TimeSpan Period { get; }

    public Task RunAsync(ISqlRunner sql, CancellationToken cancel) => _registry.HeartbeatAsync(sql);

    public Task LeaveAsync(ISqlRunner sql) => _registry.LeaveAsync(sql);

    [RedisCommand("cluster", -2, CommandFlags.Container, Group = "cluster", Since = "3.0.0",
        Summary = "A container for cluster commands")]
    public ValueTask Cluster(CommandContext ctx) => _subcommands.RunAsync(ctx);

    /// <summary>Every node is a master serving every key, so reads from a replica and redirections are moot: all answer OK.</summary>
    [RedisCommand("readonly", 1, CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast, Group = "cluster", Since = "3.0.0",
        Summary = "Enables read queries for a connection to a cluster replica node", AclCategories = "@connection")]
    [RedisCommand("readwrite", 1, CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast, Group = "cluster", Since = "3.0.0",
        Summary = "Disables read queries for a connection to a cluster replica node", AclCategories = "@connection")]
    [RedisCommand("asking", 1, CommandFlags.Fast, Group = "cluster", Since = "3.0.0",
        Summary = "Sent by cluster clients after an -ASK redirect", AclCategories = "@connection")]
    public ValueTask ConnectionMode(CommandContext ctx)
    {
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    private Func<CommandContext, ValueTask> HandlerFor(string subcommand) => subcommand switch
    {
        "help" => Help,
        "info" => Info,
        "myid" => MyId,
        "nodes" => Nodes,
        "slots" => Slots,
        "shards" => Shards,
        "links" => Links,
        "replicas" or "slaves" => Replicas,
        "count-failure-reports" => CountFailureReports,
        "keyslot" => KeySlotOf,
        "countkeysinslot" => CountKeysInSlot,
        "getkeysinslot" => GetKeysInSlot,
        _ => TopologyChange(subcommand),
    };
}
