using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.PubSub;

/// <summary>
/// This proxy's subscribers, indexed by tenant, kind and name, and the feed listener that hands them messages: a
/// message committed here arrives at commit, one from another proxy with the feed's next poll. While any client is
/// subscribed the feed polls at least every pubsub.poll_ms, reading at least pubsub.poll_batch events per poll.
/// </summary>
internal sealed class SubscriptionHub : IEventListener
{
    private readonly ProxyOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Tenant, SubscriptionKind Kind), Dictionary<byte[], HashSet<Subscriber>>> _index = new();
    private int _subscribed;

    public SubscriptionHub(EventFeed feed, ProxyOptions options)
    {
        _options = options;
        Feed = feed;
        feed.AddListener(this);
    }

    internal EventFeed Feed { get; }

    public bool IsListening => Volatile.Read(ref _subscribed) > 0;
    public int? MaxPollMs => _options.Pubsub.PollMs;
    public int? MinPollBatch => _options.Pubsub.PollBatch;

    /// <summary>Clients of this proxy holding at least one subscription.</summary>
    public int SubscribedClients => Volatile.Read(ref _subscribed);

    internal void Add(Subscriber subscriber, string tenant, SubscriptionKind kind, IEnumerable<byte[]> names, bool wasSubscribed)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue((tenant, kind), out var byName)) _index[(tenant, kind)] = byName = new(KeyBytesComparer.Instance);
            foreach (var name in names)
            {
                if (!byName.TryGetValue(name, out var subscribers)) byName[name] = subscribers = [];
                subscribers.Add(subscriber);
            }
            if (!wasSubscribed) _subscribed++;
        }
    }

    internal void Remove(Subscriber subscriber, string tenant, SubscriptionKind kind, IEnumerable<byte[]> names, bool stillSubscribed)
    {
        lock (_gate)
        {
            if (_index.TryGetValue((tenant, kind), out var byName))
            {
                foreach (var name in names)
                {
                    if (!byName.TryGetValue(name, out var subscribers)) continue;
                    subscribers.Remove(subscriber);
                    if (subscribers.Count == 0) byName.Remove(name);
                }
            }
            if (!stillSubscribed) _subscribed--;
        }
    }

    public void OnEvent(FeedEvent e)
    {
        if (e.Kind is not (EventKind.Message or EventKind.ShardMessage)) return;
        var payload = e.Payload ?? [];
        List<(Subscriber, SubscriptionKind, byte[], byte[])> deliveries = [];
        lock (_gate)
        {
            var kind = e.Kind == EventKind.Message ? SubscriptionKind.Channel : SubscriptionKind.ShardChannel;
            if (_index.TryGetValue((e.Tenant, kind), out var byName) && byName.TryGetValue(e.Topic, out var subscribers))
            {
                var frame = PushFrames.Message(kind == SubscriptionKind.ShardChannel, e.Topic, payload);
                foreach (var subscriber in subscribers) deliveries.Add((subscriber, kind, e.Topic, frame));
            }
            if (kind == SubscriptionKind.Channel && _index.TryGetValue((e.Tenant, SubscriptionKind.Pattern), out var patterns))
            {
                foreach (var (pattern, holders) in patterns)
                {
                    if (!new GlobPattern(pattern).IsMatch(e.Topic)) continue;
                    var frame = PushFrames.PMessage(pattern, e.Topic, payload);
                    foreach (var subscriber in holders) deliveries.Add((subscriber, SubscriptionKind.Pattern, pattern, frame));
                }
            }
        }
        foreach (var (subscriber, kind, name, frame) in deliveries) subscriber.Deliver(kind, name, frame);
    }
}
