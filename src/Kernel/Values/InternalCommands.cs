using System.Buffers;
using System.Text;
using MySqlConnector;
using RedisOnMySql.Kernel.Blocking;
using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Values;

/// <summary>
/// Redis commands the kernel runs on behalf of a generic command: the command table is the contract through which
/// the kernel reads and writes a value of any type (LRANGE, HSET, ...) without knowing the family that owns it. They
/// run on the caller's session and executor, so inside its transaction when it has one.
/// </summary>
public sealed class InternalCommands(CommandDispatcher dispatcher, BlockingRegistry blocking)
{
    /// <summary>The command's reply as <see cref="RespReplyReader"/> reads it; a MySQL failure is thrown, not answered.</summary>
    public async Task<object?> RunAsync(CommandContext ctx, params byte[][] args)
    {
        var reply = new ArrayBufferWriter<byte>();
        var inner = new CommandContext(ctx.Session, new RespWriter(reply), blocking) { MayBlock = false };
        var failure = await dispatcher.ExecuteInternalAsync(inner, [.. args]).ConfigureAwait(false);
        if (failure is MySqlException || (failure is not null && BackendErrors.IsConnectionLoss(failure))) throw failure;
        return RespReplyReader.Read(reply.WrittenSpan);
    }

    /// <summary>Runs <paramref name="command"/> with <paramref name="args"/>; an error reply is thrown as the caller's error.</summary>
    public async Task<object?> CallAsync(CommandContext ctx, string command, params byte[][] args)
    {
        var reply = await RunAsync(ctx, [Encoding.ASCII.GetBytes(command), .. args]);
        return reply is RespErrorReply error ? throw new RedisException(error.Message) : reply;
    }
}
