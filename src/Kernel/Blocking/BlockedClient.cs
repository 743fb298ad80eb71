using System.Threading.Channels;

namespace RedisOnMySql.Kernel.Blocking;

/// <summary>
/// A client blocked on one or more keys: the turns the keys' servers hand it, one at a time, and how it was
/// unblocked. Once it has left, offers are refused and turns still queued are answered <see cref="TurnOutcome.Gone"/>,
/// so a key's server never waits on a client that is no longer there.
/// </summary>
internal sealed class BlockedClient(BlockedKey[] keys)
{
    private readonly Lock _gate = new();
    private readonly Channel<KeyTurn> _turns = Channel.CreateUnbounded<KeyTurn>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _unblocked = new();
    private bool _gone;

    public BlockedKey[] Keys { get; } = keys;

    /// <summary>Set by CLIENT UNBLOCK.</summary>
    public UnblockMode? UnblockedBy { get; private set; }

    public CancellationToken Unblocked => _unblocked.Token;

    public bool TryOffer(KeyTurn turn)
    {
        lock (_gate)
        {
            if (_gone) return false;
            return _turns.Writer.TryWrite(turn);
        }
    }

    /// <summary>The next turn, or null once <paramref name="stop"/> fires (timeout, disconnect, unblock).</summary>
    public async ValueTask<KeyTurn?> NextTurnAsync(CancellationToken stop)
    {
        try
        {
            return await _turns.Reader.ReadAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Marks the client gone; true the first time.</summary>
    public bool Leave()
    {
        lock (_gate)
        {
            if (_gone) return false;
            _gone = true;
        }
        while (_turns.Reader.TryRead(out var turn)) turn.Complete(TurnOutcome.Gone);
        return true;
    }

    public bool Unblock(UnblockMode mode)
    {
        lock (_gate)
        {
            if (_gone || UnblockedBy != null) return false;
            UnblockedBy = mode;
        }
        _unblocked.Cancel();
        return true;
    }
}
