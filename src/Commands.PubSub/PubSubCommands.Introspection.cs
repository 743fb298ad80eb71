using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.PubSub;

/// <summary>PUBSUB CHANNELS, NUMSUB, NUMPAT, SHARDCHANNELS, SHARDNUMSUB and HELP, counted over every live proxy.</summary>
public sealed partial class PubSubCommands
{
    private static readonly string[] PubsubHelp =
    [
        "CHANNELS [<pattern>]",
        "    Return the currently active channels matching a <pattern> (default: '*').",
        "NUMPAT",
        "    Return number of subscriptions to patterns.",
        "NUMSUB [<channel> ...]",
        "    Return the number of subscribers for the specified channels, excluding",
        "    pattern subscriptions(default: no channels).",
        "SHARDCHANNELS [<pattern>]",
        "    Return the currently active shard level channels matching a <pattern> (default: '*').",
        "SHARDNUMSUB [<shardchannel> ...]",
        "    Return the number of subscribers for the specified shard level channel(s)",
    ];

    private Subcommands? _subcommands;

    private Subcommands PubsubSubcommands => _subcommands ??= new Subcommands("pubsub")
        .Add("channels", -2, ctx => ChannelsAsync(ctx, SubscriptionKind.Channel))
        .Add("shardchannels", -2, ctx => ChannelsAsync(ctx, SubscriptionKind.ShardChannel))
        .Add("numsub", -2, ctx => NumSubAsync(ctx, SubscriptionKind.Channel))
        .Add("shardnumsub", -2, ctx => NumSubAsync(ctx, SubscriptionKind.ShardChannel))
        .Add("numpat", 2, NumPatAsync)
        .Add("help", 2, ctx => Subcommands.WriteHelp(ctx, "PUBSUB", PubsubHelp));

    [RedisCommand("pubsub", -2, CommandFlags.Container, Group = "pubsub", Since = "2.8.0", Summary = "A container for Pub/Sub commands.")]
    public ValueTask Pubsub(CommandContext ctx) => PubsubSubcommands.RunAsync(ctx);

    /// <summary>Active channels (or shard channels) of the tenant on live proxies, matching the optional pattern.</summary>
    private async ValueTask ChannelsAsync(CommandContext ctx, SubscriptionKind kind)
    {
        // Redis's table allows any count; its handler then answers the old syntax error, naming the subcommand as typed.
        if (ctx.Count > 3) throw RedisException.Err($"unknown subcommand or wrong number of arguments for '{ctx.ArgString(1)}'. Try PUBSUB HELP.");
        var pattern = ctx.Count == 3 ? new GlobPattern(ctx.Arg(2)) : null;
        var names = await ActiveNamesAsync(ctx, kind);
        var matching = names.Where(n => pattern is null || pattern.IsMatch(n)).ToList();
        ctx.Reply.WriteArrayHeader(matching.Count);
        foreach (var name in matching) ctx.Reply.WriteBulkString(name);
    }

    /// <summary>Each named channel with its subscribers on live proxies (pattern subscriptions not counted), 0 when none.</summary>
    private async ValueTask NumSubAsync(CommandContext ctx, SubscriptionKind kind)
    {
        var channels = ctx.Args.Skip(2).ToList();
        var counts = new Dictionary<byte[], long>(KeyBytesComparer.Instance);
        foreach (var chunk in InListShape.PaddedChunks(channels.Distinct(KeyBytesComparer.Instance).ToList()))
        {
            var rows = await ctx.Sql.QueryListAsync(PubSubStatements.SumByName(chunk.Length),
                r => ((byte[])r.GetValue(0), Convert.ToInt64(r.GetValue(1))), [registry.AliveWindowMs, (int)kind, .. chunk]);
            foreach (var (name, count) in rows) counts[name] = count;
        }
        ctx.Reply.WriteArrayHeader(channels.Count * 2);
        foreach (var channel in channels)
        {
            ctx.Reply.WriteBulkString(channel);
            ctx.Reply.WriteInteger(counts.GetValueOrDefault(channel));
        }
    }

    /// <summary>The number of distinct patterns subscribed to on live proxies.</summary>
    private async ValueTask NumPatAsync(CommandContext ctx) =>
        ctx.Reply.WriteInteger((await ActiveNamesAsync(ctx, SubscriptionKind.Pattern)).Count);

    private Task<List<byte[]>> ActiveNamesAsync(CommandContext ctx, SubscriptionKind kind) =>
        ctx.Sql.QueryListAsync(PubSubStatements.ActiveNames, r => (byte[])r.GetValue(0), registry.AliveWindowMs, (int)kind);
}
