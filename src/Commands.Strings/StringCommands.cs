using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Strings;

/// <summary>The strings family: values stored inline in the keyspace row.</summary>
public sealed class StringCommands : ICommandFamily
{
    public string Name => "strings";

    [RedisCommand("get", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Returns the string value of a key.")]
    public async ValueTask Get(CommandContext ctx)
    {
        var row = await ctx.Sql.QueryFirstAsync(StringStatements.SelectValue,
            r => (Type: (KeyType)r.GetByte(0), Value: r.IsDBNull(1) ? [] : (byte[])r.GetValue(1)), ctx.Arg(1), ctx.NowMs);
        if (row == default) ctx.Reply.WriteNullBulk();
        else if (row.Type != KeyType.String) throw new RedisException(RedisErrors.WrongType);
        else ctx.Reply.WriteBulkString(row.Value);
    }

    [RedisCommand("set", -3, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "string", Summary = "Sets the string value of a key.")]
    public async ValueTask Set(CommandContext ctx)
    {
        await ctx.Sql.ExecuteAsync(KeyspaceStatements.UpsertString, ctx.Arg(1), ctx.Arg(2), null);
        ctx.Reply.WriteOk();
    }
}
