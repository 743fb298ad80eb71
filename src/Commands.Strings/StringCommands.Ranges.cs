using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Strings;

/// <summary>APPEND, STRLEN, GETRANGE (SUBSTR), SETRANGE.</summary>
public sealed partial class StringCommands
{
    [RedisCommand("append", 3, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "string", Summary = "Appends a string to the value of a key. Creates the key if it doesn't exist.", Since = "2.0.0")]
    public async ValueTask Append(CommandContext ctx)
    {
        var suffix = ctx.Arg(2);
        var length = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await StoredString.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            long length = key.Length;
            StringLimits.CheckLength(length, suffix.LongLength);
            if (!key.Exists) await key.SetAsync(suffix, null);
            else await key.AppendAsync(suffix);
            // Redis raises append even for an empty suffix.
            await tx.NotifyAsync(NotifyFlags.String, "append", ctx.Arg(1));
            return length + suffix.LongLength;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(length);
    }

    [RedisCommand("strlen", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Returns the length of a string value.", Since = "2.2.0")]
    public async ValueTask StrLen(CommandContext ctx)
    {
        var row = await ctx.Sql.QueryFirstAsync(StringStatements.SelectLength,
            r => (Type: (KeyType)Convert.ToByte(r.GetValue(0)), Length: Convert.ToInt64(r.GetValue(1))), ctx.Arg(1), ctx.NowMs);
        if (row != default && row.Type != KeyType.String) throw new RedisException(RedisErrors.WrongType);
        ctx.Reply.WriteInteger(row.Length);
    }

    [RedisCommand("getrange", 4, CommandFlags.ReadOnly, 1, 1, 1, Group = "string", Summary = "Returns a substring of the string stored at a key.", Since = "2.4.0")]
    [RedisCommand("substr", 4, CommandFlags.ReadOnly, 1, 1, 1, Group = "string", Summary = "Returns a substring from a string value.")]
    public async ValueTask GetRange(CommandContext ctx)
    {
        long start = ctx.ArgInt64(2), end = ctx.ArgInt64(3);
        var row = await BigStringReader.LookUpAsync(ctx.Sql, ctx.Arg(1), ctx.NowMs);
        if (row is { Type: not KeyType.String }) throw new RedisException(RedisErrors.WrongType);
        if (row?.Inline is not null || row is null)
        {
            var value = row?.Inline ?? [];
            var (from, count) = SubstringBounds(value.LongLength, start, end);
            ctx.Reply.WriteBulkString(value.AsSpan((int)from, count));
            return;
        }
        // A big value: only the chunks the range covers, under a shared lock so they are of one version.
        var part = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await StoredString.OpenAsync(tx, ctx.Arg(1), ctx.NowMs);
            var (from, count) = SubstringBounds(key.Length, start, end);
            return await key.ReadRangeAsync(from, count);
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteBulkString(part);
    }

    [RedisCommand("setrange", 4, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "string", Summary = "Overwrites a part of a string value with another by an offset. Creates the key if it doesn't exist.", Since = "2.2.0")]
    public async ValueTask SetRange(CommandContext ctx)
    {
        long offset = ctx.ArgInt64(2);
        if (offset < 0) throw RedisException.Err("offset is out of range");
        var patch = ctx.Arg(3);
        var length = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await StoredString.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            long length = key.Length;
            // Writing nothing changes nothing and creates no key.
            if (patch.Length == 0) return length;
            StringLimits.CheckLength(offset, patch.LongLength);
            await key.WriteRangeAsync(offset, patch);
            await tx.NotifyAsync(NotifyFlags.String, "setrange", ctx.Arg(1));
            return key.Length;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(length);
    }

    /// <summary>
    /// Redis's GETRANGE index rules over a string of <paramref name="length"/> bytes: negative counts from the end,
    /// clamped to the string, empty when inverted. Returns the first byte and the byte count.
    /// </summary>
    private static (long From, int Count) SubstringBounds(long length, long start, long end)
    {
        if (start < 0 && end < 0 && start > end) return (0, 0);
        if (start < 0) start += length;
        if (end < 0) end += length;
        start = Math.Max(start, 0);
        end = Math.Min(Math.Max(end, 0), length - 1);
        if (start > end || length == 0) return (0, 0);
        return (start, (int)(end - start + 1));
    }
}
