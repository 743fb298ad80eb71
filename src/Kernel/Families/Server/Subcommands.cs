using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>
/// The subcommands of a container command (CLIENT, COMMAND, CONFIG) with their Redis arity, so unknown
/// subcommands and wrong argument counts answer with Redis's texts ('client|setname').
/// </summary>
internal sealed class Subcommands(string command)
{
    private readonly Dictionary<string, (int Arity, Func<CommandContext, ValueTask> Handler)> _byName =
        new(StringComparer.OrdinalIgnoreCase);

    public Subcommands Add(string name, int arity, Func<CommandContext, ValueTask> handler)
    {
        _byName[name] = (arity, handler);
        return this;
    }

    public ValueTask RunAsync(CommandContext ctx)
    {
        var sub = ctx.ArgString(1);
        if (!_byName.TryGetValue(sub, out var entry))
            throw new RedisException(RedisErrors.UnknownSubcommand(sub, command));
        var fullName = $"{command}|{sub.ToLowerInvariant()}";
        if (entry.Arity >= 0 ? ctx.Count != entry.Arity : ctx.Count < -entry.Arity)
            throw new RedisException(RedisErrors.WrongArity(fullName));
        ctx.Session.LastCommand = fullName;
        return entry.Handler(ctx);
    }
}
