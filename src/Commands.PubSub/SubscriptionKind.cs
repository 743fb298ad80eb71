namespace RedisOnMySql.Commands.PubSub;

/// <summary>What a subscription names; the numbers are stored in pubsub_subscriptions.kind.</summary>
internal enum SubscriptionKind : byte
{
    Channel = 1,
    Pattern = 2,
    ShardChannel = 3,
}
