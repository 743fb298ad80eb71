using System.Text;
using RedisOnMySql.Kernel.Blocking;
using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Server;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// What a handler sees: the arguments (argument 0 is the command name), the session, the reply writer and the
/// executor bound to the session's tenant and db. One instance per connection, reset for every command.
/// </summary>
public sealed class CommandContext
{
    private List<byte[]> _args = new();
    private readonly BlockingRegistry _blocking;

    internal CommandContext(ClientSession session, RespWriter reply, BlockingRegistry blocking)
    {
        Session = session;
        Reply = reply;
        _blocking = blocking;
    }

    public ClientSession Session { get; }
    public RespWriter Reply { get; }
    public IReadOnlyList<byte[]> Args => _args;
    public int Count => _args.Count;
    public CommandEntry Command { get; private set; } = null!;

    /// <summary>The command's clock in ms since the Unix epoch: one instant for the whole command.</summary>
    public long NowMs { get; private set; }

    public SqlExecutor Sql => Session.Sql ?? throw new RedisException(RedisErrors.NoAuth);

    internal void Reset(List<byte[]> args, CommandEntry command)
    {
        _args = args;
        Command = command;
        NowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    public byte[] Arg(int index) => _args[index];

    /// <summary>
    /// Whether a blocking command may wait. False where Redis runs a blocking command as its non-blocking form
    /// (inside MULTI/EXEC); <see cref="BlockAsync"/> then makes one attempt.
    /// </summary>
    public bool MayBlock { get; internal set; } = true;

    /// <summary>
    /// A blocking command's wait, for any family: runs <paramref name="attempt"/> (its argument says whether the
    /// client was woken by one of <paramref name="keys"/> receiving elements) until it returns a value, or the
    /// timeout passes (null; a null timeout waits forever), answering null or the UNBLOCKED error to CLIENT UNBLOCK.
    /// Writes that add elements wake the key's clients on every proxy by appending
    /// <see cref="Events.EventKind.KeyReady"/> (<see cref="Sql.ISqlRunner.AppendEventAsync"/>).
    /// </summary>
    public Task<T?> BlockAsync<T>(IReadOnlyList<byte[]> keys, TimeSpan? timeout, Func<bool, Task<T?>> attempt) where T : class =>
        MayBlock ? _blocking.WaitAsync(Session, keys, timeout, woken =>
            {
                // A retry may come long after the command started: keys that expired meanwhile must count as absent.
                if (woken) NowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                return attempt(woken);
            })
            : attempt(false);

    /// <summary>
    /// A blocking command's timeout in seconds (a double, 0 = forever; null for forever), with Redis 7.0's errors:
    /// a value whose milliseconds do not fit in 64 bits wraps negative there, so it is "negative" here too.
    /// </summary>
    public TimeSpan? ArgTimeout(int index)
    {
        if (!RedisNumbers.TryParseDouble(_args[index], out var seconds)) throw RedisException.Err("timeout is not a float or out of range");
        double ms = seconds * 1000.0;
        if (ms < 0 || ms >= 9.2233720368547758e18) throw RedisException.Err("timeout is negative");
        return WaitFor((long)ms);
    }

    /// <summary>A timeout in whole milliseconds (0 = forever; null for forever), as WAIT takes it, with Redis 7.0's errors.</summary>
    public TimeSpan? ArgTimeoutMs(int index)
    {
        if (!RedisNumbers.TryParseInt64(_args[index], out var ms)) throw RedisException.Err("timeout is not an integer or out of range");
        if (ms < 0) throw RedisException.Err("timeout is negative");
        return WaitFor(ms);
    }

    /// <summary>Beyond what a timer can wait (about 49 days) the wait is as good as forever.</summary>
    private static TimeSpan? WaitFor(long ms) => ms == 0 || ms > uint.MaxValue - 1 ? null : TimeSpan.FromMilliseconds(ms);

    /// <summary>Runs a plan of this command as its handler: a handler whose command always has a plan just runs it.</summary>
    public async ValueTask RunPlanAsync(CommandPlan plan) => await Sql.RunPlansAsync([plan], (p, row) => p.Reply(Reply, row));

    public string ArgString(int index) => Encoding.UTF8.GetString(_args[index]);

    /// <summary>An integer argument, or Redis's "not an integer" error.</summary>
    public long ArgInt64(int index) =>
        RedisNumbers.TryParseInt64(_args[index], out var value) ? value : throw new RedisException(RedisErrors.NotInteger);

    /// <summary>A float argument (inf allowed, nan not), or Redis's "not a valid float" error.</summary>
    public double ArgDouble(int index) =>
        RedisNumbers.TryParseDouble(_args[index], out var value) ? value : throw new RedisException(RedisErrors.NotFloat);

    /// <summary>Case-insensitive match of an ASCII option such as "NX".</summary>
    public bool ArgIs(int index, string option) => RedisNumbers.EqualsIgnoreCase(_args[index], option);
}
