namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// The subcommands of a container command (CLIENT, COMMAND, CONFIG, PUBSUB) with their Redis arity, so unknown
/// subcommands and wrong argument counts answer with Redis's texts ('client|setname').
/// </summary>
public sealed class Subcommands(string command)
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
        EnsureAllowed(ctx, fullName);
        ctx.Session.LastCommand = fullName;
        return entry.Handler(ctx);
    }

    /// <summary>
    /// The subscribed-context check the dispatcher leaves to containers (<see cref="CommandFlags.Container"/>), made
    /// once the (sub)command's full name is known; a container that also runs bare calls it for that form.
    /// </summary>
    public static void EnsureAllowed(CommandContext ctx, string fullName)
    {
        if (ctx.Session.IsSubscribed) throw new RedisException(RedisErrors.NotInSubscribedContext(fullName));
    }

    /// <summary>
    /// A container's HELP reply in Redis's shape: the usage line, <paramref name="lines"/>, then HELP itself.
    /// </summary>
    public static ValueTask WriteHelp(CommandContext ctx, string command, string[] lines)
    {
        ctx.Reply.WriteArrayHeader(lines.Length + 3);
        ctx.Reply.WriteSimpleString($"{command} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        foreach (var line in lines) ctx.Reply.WriteSimpleString(line);
        ctx.Reply.WriteSimpleString("HELP");
        ctx.Reply.WriteSimpleString("    Prints this help.");
        return ValueTask.CompletedTask;
    }
}
