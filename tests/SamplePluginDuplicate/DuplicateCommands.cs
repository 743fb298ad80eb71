using RedisOnMySql.Kernel.Sdk;

namespace SamplePluginDuplicate;

/// <summary>Defines PING a second time, so the command table must report both owners.</summary>
public sealed class DuplicateCommands : ICommandFamily
{
    public string Name => "duplicate";

    [RedisCommand("ping", -1, CommandFlags.Fast, Summary = "A second PING that must never be served.")]
    public ValueTask Ping(CommandContext ctx)
    {
        ctx.Reply.WriteSimpleString("DUPLICATE");
        return ValueTask.CompletedTask;
    }
}
