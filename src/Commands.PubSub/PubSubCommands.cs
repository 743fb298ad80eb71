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

    [RedisCommand("publish", 3, CommandFlags.PubSub | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast, Group = "pubsub", Since = "2.0.0", Summary = "Posts a message to a channel.")]
    public ValueTask Publish(CommandContext ctx) => PublishAsync(ctx, shard: false);

    [RedisCommand("spublish", 3, CommandFlags.PubSub | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast, 1, 1, 1, Group = "pubsub", Since = "7.0.0", Summary = "Post a message to a shard channel")]
    public ValueTask SPublish(CommandContext ctx) => PublishAsync(ctx, shard: true);

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

    /// <summary>
    /// One insert, then the number of clients on live proxies that receive the message: the channel's subscribers plus,
    /// for each pattern matching it, that pattern's subscribers (a client holding both counts twice, as in Redis).
    /// </summary>
    private async ValueTask PublishAsync(CommandContext ctx, bool shard)
    {
        byte[] channel = ctx.Arg(1);
        await ctx.Sql.AppendEventAsync(shard ? EventKind.ShardMessage : EventKind.Message, channel, ctx.Arg(2));
        var kind = shard ? SubscriptionKind.ShardChannel : SubscriptionKind.Channel;
        var rows = await ctx.Sql.QueryListAsync(PubSubStatements.Receivers,
            r => ((SubscriptionKind)Convert.ToByte(r.GetValue(0)), (byte[])r.GetValue(1), Convert.ToInt64(r.GetValue(2))),
            registry.AliveWindowMs, (int)kind, channel, shard ? 0 : 1);
        long receivers = rows.Where(r => r.Item1 == kind || new GlobPattern(r.Item2).IsMatch(channel)).Sum(r => r.Item3);
        ctx.Reply.WriteInteger(receivers);
    }
}
