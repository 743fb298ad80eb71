using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Proxies;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.PubSub;

/// <summary>
/// The Pub/Sub family across proxies. A message is one row of the kernel's event feed (one insert per PUBLISH,
/// whatever the number of subscribers): this proxy's subscribers get it at commit, every other proxy's with its feed's
/// next poll. Subscriptions are counted per proxy in pubsub_subscriptions, so PUBLISH and PUBSUB answer for every live
/// proxy. Channels are per tenant and, as in Redis, not per database. This file: subscribing and publishing; see
/// PubSubCommands.Introspection.cs for PUBSUB.
/// </summary>
public sealed partial class PubSubCommands(EventFeed feed, ProxyOptions options, ProxyRegistry registry) : ICommandFamily, IProxyStateOwner
{
    private readonly SubscriptionHub hub = new(feed, options);

    private const CommandFlags SubscribeFlags =
        CommandFlags.PubSub | CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.SubscribedContext;

    public string Name => "pubsub";

    public IReadOnlyList<SqlTable> ProxyTables { get; } = [PubSubStatements.Subscriptions];

    [RedisCommand("subscribe", -2, SubscribeFlags, Group = "pubsub", Since = "2.0.0", Summary = "Listens for messages published to channels.")]
    public ValueTask Subscribe(CommandContext ctx) => SubscribeAsync(ctx, SubscriptionKind.Channel, "subscribe");

    [RedisCommand("psubscribe", -2, SubscribeFlags, Group = "pubsub", Since = "2.0.0", Summary = "Listens for messages published to channels that match one or more patterns.")]
    public ValueTask PSubscribe(CommandContext ctx) => SubscribeAsync(ctx, SubscriptionKind.Pattern, "psubscribe");

    [RedisCommand("ssubscribe", -2, SubscribeFlags, 1, -1, 1, Group = "pubsub", Since = "7.0.0", Summary = "Listens for messages published to shard channels.")]
    public ValueTask SSubscribe(CommandContext ctx) => SubscribeAsync(ctx, SubscriptionKind.ShardChannel, "ssubscribe");

    [RedisCommand("unsubscribe", -1, SubscribeFlags, Group = "pubsub", Since = "2.0.0", Summary = "Stops listening to messages posted to channels.")]
    public ValueTask Unsubscribe(CommandContext ctx) => UnsubscribeAsync(ctx, SubscriptionKind.Channel, "unsubscribe");

    [RedisCommand("punsubscribe", -1, SubscribeFlags, Group = "pubsub", Since = "2.0.0", Summary = "Stops listening to messages published to channels that match one or more patterns.")]
    public ValueTask PUnsubscribe(CommandContext ctx) => UnsubscribeAsync(ctx, SubscriptionKind.Pattern, "punsubscribe");

    [RedisCommand("sunsubscribe", -1, SubscribeFlags, 1, -1, 1, Group = "pubsub", Since = "7.0.0", Summary = "Stops listening to messages posted to shard channels.")]
    public ValueTask SUnsubscribe(CommandContext ctx) => UnsubscribeAsync(ctx, SubscriptionKind.ShardChannel, "sunsubscribe");

    [RedisCommand("publish", 3, CommandFlags.PubSub | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast | CommandFlags.MayReplicate, Group = "pubsub", Since = "2.0.0", Summary = "Posts a message to a channel.")]
    public ValueTask Publish(CommandContext ctx) => ctx.RunPlanAsync(PlanPublish(ctx));

    [RedisCommand("spublish", 3, CommandFlags.PubSub | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast | CommandFlags.MayReplicate, 1, 1, 1, Group = "pubsub", Since = "7.0.0", Summary = "Post a message to a shard channel")]
    public ValueTask SPublish(CommandContext ctx) => ctx.RunPlanAsync(PlanSPublish(ctx));

    [CommandPlan("publish")]
    public CommandPlan PlanPublish(CommandContext ctx) => PublishPlan(ctx, SubscriptionKind.Channel);

    [CommandPlan("spublish")]
    public CommandPlan PlanSPublish(CommandContext ctx) => PublishPlan(ctx, SubscriptionKind.ShardChannel);

    private Subscriber SubscriberOf(CommandContext ctx) => ctx.Session.State(session => new Subscriber(session, hub, registry));

    /// <summary>One reply per name, in argument order, each with the client's count after it (repeated names included).</summary>
    private async ValueTask SubscribeAsync(CommandContext ctx, SubscriptionKind kind, string verb)
    {
        var names = ctx.Args.Skip(1).ToList();
        if (names.FirstOrDefault(n => n.Length > KeyspaceLimits.MaxKeyBytes) is not null)
            throw RedisException.Err($"channel or pattern is too long (at most {KeyspaceLimits.MaxKeyBytes} bytes)");
        var subscriber = SubscriberOf(ctx);
        bool shard = kind == SubscriptionKind.ShardChannel;
        int count = subscriber.Count(shard);
        var seen = new HashSet<byte[]>(KeyBytesComparer.Instance);
        var counts = names.Select(n => subscriber.Holds(kind, n) || !seen.Add(n) ? count : ++count).ToList();
        await subscriber.SubscribeAsync(ctx, kind, names);
        for (int i = 0; i < names.Count; i++) WriteConfirmation(ctx, verb, names[i], counts[i]);
    }

    /// <summary>
    /// One reply per name (every held name when none is given), each with the count after it; with nothing to leave,
    /// one reply with a null name.
    /// </summary>
    private async ValueTask UnsubscribeAsync(CommandContext ctx, SubscriptionKind kind, string verb)
    {
        var subscriber = SubscriberOf(ctx);
        bool shard = kind == SubscriptionKind.ShardChannel;
        var names = ctx.Count > 1 ? ctx.Args.Skip(1).ToList() : subscriber.Names(kind);
        int count = subscriber.Count(shard);
        var held = new HashSet<byte[]>(subscriber.Names(kind), KeyBytesComparer.Instance);
        var counts = names.Select(n => held.Remove(n) ? --count : count).ToList();
        await subscriber.LeaveAsync(kind, names);
        if (names.Count == 0) WriteConfirmation(ctx, verb, null, count);
        for (int i = 0; i < names.Count; i++) WriteConfirmation(ctx, verb, names[i], counts[i]);
    }

    private static void WriteConfirmation(CommandContext ctx, string verb, byte[]? name, int count)
    {
        ctx.Reply.WriteArrayHeader(3);
        ctx.Reply.WriteBulkString(verb);
        if (name is null) ctx.Reply.WriteNullBulk();
        else ctx.Reply.WriteBulkString(name);
        ctx.Reply.WriteInteger(count);
    }

    /// <summary>Pipelined and concurrent PUBLISHes of a tenant and db share one transaction: one commit, one round trip of inserts.</summary>
    private static readonly SharedTransaction PublishTogether = new(PublishAllAsync, policies => policies.Set);

    private CommandPlan PublishPlan(CommandContext ctx, SubscriptionKind kind) =>
        new(PubSubStatements.Receivers, [ctx.Arg(1), ctx.Arg(2), kind, registry.AliveWindowMs], PlanReplies.IntegerOrError)
        {
            Merge = PublishTogether, Key = ctx.Arg(1),
        };

    /// <summary>
    /// The messages of a batch, in arrival order, as one round trip of inserts; then, per channel, the number of clients
    /// on live proxies that receive it: the channel's subscribers plus, for each pattern matching it, that pattern's
    /// subscribers (a client holding both counts twice, as in Redis). Subscribers on this proxy get the messages at commit.
    /// </summary>
    private static async Task<object?[]?[]> PublishAllAsync(ISqlRunner tx, IReadOnlyList<CommandPlan> plans)
    {
        await tx.AppendEventsAsync(plans.Select(p => (
            (SubscriptionKind)p.Values[2]! == SubscriptionKind.ShardChannel ? EventKind.ShardMessage : EventKind.Message,
            (byte[])p.Values[0]!, (byte[])p.Values[1]!)).ToList());
        // Counted once per kind and channel: the kind's byte, then the channel.
        var receivers = new Dictionary<byte[], long>(KeyBytesComparer.Instance);
        var replies = new object?[]?[plans.Count];
        for (int i = 0; i < plans.Count; i++)
        {
            var (channel, kind, aliveMs) = ((byte[])plans[i].Values[0]!, (SubscriptionKind)plans[i].Values[2]!, (long)plans[i].Values[3]!);
            byte[] key = [(byte)kind, .. channel];
            if (!receivers.TryGetValue(key, out long count)) receivers[key] = count = await CountReceiversAsync(tx, kind, channel, aliveMs);
            replies[i] = [count];
        }
        return replies;
    }

    private static async Task<long> CountReceiversAsync(ISqlRunner tx, SubscriptionKind kind, byte[] channel, long aliveMs)
    {
        var rows = await tx.QueryListAsync(PubSubStatements.Receivers,
            r => ((SubscriptionKind)Convert.ToByte(r.GetValue(0)), (byte[])r.GetValue(1), Convert.ToInt64(r.GetValue(2))),
            aliveMs, (int)kind, channel, kind == SubscriptionKind.ShardChannel ? 0 : 1);
        return rows.Where(r => r.Item1 == kind || new GlobPattern(r.Item2).IsMatch(channel)).Sum(r => r.Item3);
    }
}
