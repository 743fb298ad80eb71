using System.Text;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.Commands;

/// <summary>
/// Runs one parsed request: table lookup, arity, authentication and key-size checks from the command's metadata,
/// then the handler. Every failure becomes a Redis error reply; nothing escapes to the connection.
/// </summary>
public sealed class CommandDispatcher(CommandTable table, ServerStats stats, ILogger<CommandDispatcher> logger)
{
    public async ValueTask ExecuteAsync(CommandContext context, List<byte[]> args)
    {
        var session = context.Session;
        var entry = table.Find(args[0]);
        session.LastInteraction = DateTimeOffset.UtcNow;
        stats.CommandProcessed();
        if (entry == null)
        {
            Error(context, UnknownCommand(args));
            return;
        }
        session.LastCommand = entry.Name;
        if (!entry.ArityMatches(args.Count))
        {
            Error(context, RedisErrors.WrongArity(entry.Name));
            return;
        }
        if (!session.IsAuthenticated && !entry.Has(CommandFlags.NoAuth))
        {
            Error(context, RedisErrors.NoAuth);
            return;
        }
        foreach (var index in entry.KeyIndexes(args.Count))
        {
            if (args[index].Length > KeyspaceLimits.MaxKeyBytes)
            {
                Error(context, KeyspaceLimits.KeyTooLong);
                return;
            }
        }

        context.Reset(args, entry);
        try
        {
            await entry.Handler(context).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            Error(context, e.Message);
        }
        catch (MySqlException e)
        {
            logger.LogWarning(e, "MySQL failed during {Command}", entry.Name);
            Error(context, BackendErrors.Describe(e));
        }
        catch (Exception e) when (BackendErrors.IsConnectionLoss(e))
        {
            logger.LogWarning("MySQL connection lost during {Command}: {Message}", entry.Name, e.Message);
            Error(context, BackendErrors.Unavailable(e));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Command {Command} failed", entry.Name);
            Error(context, "ERR internal error: " + e.Message);
        }
    }

    private void Error(CommandContext context, string message)
    {
        stats.ErrorReplied();
        context.Reply.WriteError(message);
    }

    /// <summary>
    /// Redis 7.0's text: the name and up to 128 bytes of quoted arguments, each cut at its first NUL as C's %s does.
    /// </summary>
    public static string UnknownCommand(IReadOnlyList<byte[]> args)
    {
        var name = Printable(args[0], 128);
        var rest = new StringBuilder();
        int restBytes = 0;
        for (int i = 1; i < args.Count && restBytes < 128; i++)
        {
            var arg = Printable(args[i], 128 - restBytes);
            restBytes += Encoding.UTF8.GetByteCount(arg) + 3;
            rest.Append('\'').Append(arg).Append("' ");
        }
        return $"ERR unknown command '{name}', with args beginning with: {rest}";
    }

    private static string Printable(byte[] bytes, int maxBytes)
    {
        int length = Array.IndexOf(bytes, (byte)0);
        if (length < 0) length = bytes.Length;
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(length, Math.Max(0, maxBytes)));
        return text.Replace('\r', ' ').Replace('\n', ' ');
    }
}
