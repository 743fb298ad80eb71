namespace RedisOnMySql.Kernel.Server;

/// <summary>
/// What a family keeps for one connection (<see cref="ClientSession.State{T}"/>), such as its Pub/Sub subscriptions.
/// <see cref="ResetAsync"/> runs on RESET and when the connection ends, whatever the reason.
/// </summary>
public interface ISessionState
{
    ValueTask ResetAsync();
}
