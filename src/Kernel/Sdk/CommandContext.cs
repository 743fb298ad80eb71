using System.Text;
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

    internal CommandContext(ClientSession session, RespWriter reply)
    {
        Session = session;
        Reply = reply;
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
