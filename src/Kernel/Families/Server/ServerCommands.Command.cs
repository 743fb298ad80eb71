using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Server;

public sealed partial class ServerCommands
{
    private static readonly string[] CommandHelp =
    [
        "(no subcommand)",
        "    Return details about all commands.",
        "COUNT",
        "    Return the total number of commands in this server.",
        "LIST",
        "    Return a list of all commands in this server.",
        "INFO [<command-name> ...]",
        "    Return details about multiple commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "DOCS [<command-name> ...]",
        "    Return documentation details about multiple commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "GETKEYS <full-command>",
        "    Return the keys from a full command.",
    ];

    /// <summary>Plugins are this server's modules; the kernel's own commands belong to none.</summary>
    private static readonly string KernelAssembly = typeof(ServerCommands).Assembly.GetName().Name!;

    private Subcommands? _command;

    private Subcommands CommandSubcommands => _command ??= new Subcommands("command")
        .Add("count", 2, CommandCount)
        .Add("info", -2, CommandInfo)
        .Add("docs", -2, CommandDocs)
        .Add("list", -2, CommandList)
        .Add("getkeys", -3, CommandGetKeys)
        .Add("help", 2, ctx => Subcommands.WriteHelp(ctx, "COMMAND", CommandHelp));

    [RedisCommand("command", -1, CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Container, Group = "server",
        Summary = "Returns detailed information about all commands.", Since = "2.8.13")]
    public ValueTask Command(CommandContext ctx)
    {
        if (ctx.Count > 1) return CommandSubcommands.RunAsync(ctx);
        Subcommands.EnsureAllowed(ctx, "command");
        WriteInfos(ctx, Table.All);
        return ValueTask.CompletedTask;
    }

    private ValueTask CommandCount(CommandContext ctx)
    {
        ctx.Reply.WriteInteger(Table.Count);
        return ValueTask.CompletedTask;
    }

    /// <summary>One entry per name asked for, nil for unknown ones; every command when none is named.</summary>
    private ValueTask CommandInfo(CommandContext ctx)
    {
        if (ctx.Count == 2)
        {
            WriteInfos(ctx, Table.All);
            return ValueTask.CompletedTask;
        }
        ctx.Reply.WriteArrayHeader(ctx.Count - 2);
        for (int i = 2; i < ctx.Count; i++)
        {
            var entry = Table.Find(ctx.Arg(i));
            if (entry == null) ctx.Reply.WriteNullBulk();
            else CommandInfoReply.WriteInfo(ctx.Reply, entry);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>A map (flat array in RESP2) from name to docs; unknown names are left out.</summary>
    private ValueTask CommandDocs(CommandContext ctx)
    {
        var entries = ctx.Count == 2
            ? Table.All.ToList()
            : Enumerable.Range(2, ctx.Count - 2).Select(i => Table.Find(ctx.Arg(i))).OfType<CommandEntry>().ToList();
        ctx.Reply.WriteArrayHeader(entries.Count * 2);
        foreach (var entry in entries) CommandInfoReply.WriteDocs(ctx.Reply, entry);
        return ValueTask.CompletedTask;
    }

    private ValueTask CommandList(CommandContext ctx)
    {
        Func<CommandEntry, bool> filter = _ => true;
        if (ctx.Count == 5 && ctx.ArgIs(2, "FILTERBY"))
        {
            var value = ctx.ArgString(4);
            if (ctx.ArgIs(3, "MODULE")) filter = e => e.Plugin.Equals(value, StringComparison.OrdinalIgnoreCase) && e.Plugin != KernelAssembly;
            else if (ctx.ArgIs(3, "ACLCAT")) filter = e => AclCategories.Of(e).Contains("@" + value.ToLowerInvariant());
            else if (ctx.ArgIs(3, "PATTERN")) filter = e => GlobPattern.IsMatch(value, e.Name);
            else throw new RedisException(RedisErrors.Syntax);
        }
        else if (ctx.Count != 2)
        {
            throw new RedisException(RedisErrors.Syntax);
        }

        var names = Table.All.Where(filter).Select(e => e.Name).ToList();
        ctx.Reply.WriteArrayHeader(names.Count);
        foreach (var name in names) ctx.Reply.WriteBulkString(name);
        return ValueTask.CompletedTask;
    }

    private ValueTask CommandGetKeys(CommandContext ctx)
    {
        var entry = Table.Find(ctx.Arg(2)) ?? throw RedisException.Err("Invalid command specified");
        if (entry.FirstKey <= 0) throw RedisException.Err("The command has no key arguments");
        int argc = ctx.Count - 2;
        if (!entry.ArityMatches(argc)) throw RedisException.Err("Invalid number of arguments specified for command");
        var keys = entry.KeyIndexes(argc).ToList();
        if (keys.Count == 0) throw RedisException.Err("Invalid arguments specified for command");
        ctx.Reply.WriteArrayHeader(keys.Count);
        foreach (var index in keys) ctx.Reply.WriteBulkString(ctx.Arg(index + 2));
        return ValueTask.CompletedTask;
    }

    private static void WriteInfos(CommandContext ctx, IReadOnlyCollection<CommandEntry> entries)
    {
        ctx.Reply.WriteArrayHeader(entries.Count);
        foreach (var entry in entries) CommandInfoReply.WriteInfo(ctx.Reply, entry);
    }
}
