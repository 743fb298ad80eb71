using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// The subcommands that describe the cluster: INFO, MYID, NODES, SLOTS, SHARDS, LINKS, REPLICAS (SLAVES) and
/// COUNT-FAILURE-REPORTS. Each reads the live nodes once, on the caller's connection.
/// </summary>
public sealed partial class ClusterCommands
{
    private async ValueTask Info(CommandContext ctx) =>
        ctx.Reply.WriteBulkString(ClusterInfoText.Render(await _registry.MapAsync(ctx.Sql)));

    private ValueTask MyId(CommandContext ctx)
    {
        ctx.Reply.WriteBulkString(_registry.Self.Id);
        return ValueTask.CompletedTask;
    }

    private async ValueTask Nodes(CommandContext ctx) =>
        ctx.Reply.WriteBulkString(ClusterNodesText.Render(await _registry.MapAsync(ctx.Sql)));

    private async ValueTask Slots(CommandContext ctx) => ClusterSlotsReply.Write(ctx.Reply, await _registry.MapAsync(ctx.Sql));

    private async ValueTask Shards(CommandContext ctx) => ClusterShardsReply.Write(ctx.Reply, await _registry.MapAsync(ctx.Sql));

    /// <summary>Nodes share MySQL, not a cluster bus: there is no link to describe.</summary>
    private ValueTask Links(CommandContext ctx)
    {
        ctx.Reply.WriteArrayHeader(0);
        return ValueTask.CompletedTask;
    }

    /// <summary>Every node is a master without replicas.</summary>
    private async ValueTask Replicas(CommandContext ctx)
    {
        await EnsureKnownNodeAsync(ctx);
        ctx.Reply.WriteArrayHeader(0);
    }

    /// <summary>Nodes never report each other failing: a silent node just leaves the map.</summary>
    private async ValueTask CountFailureReports(CommandContext ctx)
    {
        await EnsureKnownNodeAsync(ctx);
        ctx.Reply.WriteInteger(0);
    }

    private async Task EnsureKnownNodeAsync(CommandContext ctx)
    {
        var map = await _registry.MapAsync(ctx.Sql);
        if (!map.Holds(ctx.Arg(2))) throw RedisException.Err($"Unknown node {ctx.ArgString(2)}");
    }
}
