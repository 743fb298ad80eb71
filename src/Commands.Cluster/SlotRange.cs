namespace RedisOnMySql.Commands.Cluster;

/// <summary>Consecutive hash slots, both ends included.</summary>
internal readonly record struct SlotRange(int From, int To)
{
    public int Count => To - From + 1;
}
