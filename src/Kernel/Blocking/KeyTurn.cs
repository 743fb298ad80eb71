namespace RedisOnMySql.Kernel.Blocking;

/// <summary>What a blocked client did with its turn at a key that received elements.</summary>
internal enum TurnOutcome
{
    /// <summary>It was served and is no longer blocked: the next client in line gets a turn.</summary>
    Served,
    /// <summary>It found nothing to take: the key is empty again, nobody else needs a turn.</summary>
    Empty,
    /// <summary>It left (timeout, CLIENT UNBLOCK, disconnect) without taking anything: the next client gets a turn.</summary>
    Gone,
}

/// <summary>One client's turn to try a key, handed out in arrival order; the server of the key waits for the outcome.</summary>
internal sealed class KeyTurn
{
    private readonly TaskCompletionSource<TurnOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TurnOutcome> Outcome => _outcome.Task;

    public void Complete(TurnOutcome outcome) => _outcome.TrySetResult(outcome);
}
