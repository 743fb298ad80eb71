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
            var key = await LockedKey.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            var current = key.StringValue();
            if (current is not null) StringLimits.CheckLength(current.LongLength + suffix.LongLength);
            if (current is null) await key.WriteAsync(suffix, null);
            else await key.AppendAsync(suffix);
            // Redis raises append even for an empty suffix.
            await tx.NotifyAsync(NotifyFlags.String, "append", ctx.Arg(1));
            return (current?.LongLength ?? 0) + suffix.LongLength;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(length);
    }

    [RedisCommand("strlen", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Returns the length of a string value.", Since = "2.2.0")]
    public async ValueTask StrLen(CommandContext ctx)
    {
        var row = await ctx.Sql.QueryFirstAsync(StringStatements.SelectLength,
            r => (Type: (KeyType)Convert.ToByte(r.GetValue(0)), Length: r.IsDBNull(1) ? 0 : Convert.ToInt64(r.GetValue(1))),
            ctx.Arg(1), ctx.NowMs);
        if (row != default && row.Type != KeyType.String) throw new RedisException(RedisErrors.WrongType);
        ctx.Reply.WriteInteger(row.Length);
    }

    [RedisCommand("getrange", 4, CommandFlags.ReadOnly, 1, 1, 1, Group = "string", Summary = "Returns a substring of the string stored at a key.", Since = "2.4.0")]
    [RedisCommand("substr", 4, CommandFlags.ReadOnly, 1, 1, 1, Group = "string", Summary = "Returns a substring from a string value.")]
    public async ValueTask GetRange(CommandContext ctx)
    {
        long start = ctx.ArgInt64(2), end = ctx.ArgInt64(3);
        var value = await ReadStringAsync(ctx, ctx.Arg(1)) ?? [];
        ctx.Reply.WriteBulkString(Substring(value, start, end));
    }

    [RedisCommand("setrange", 4, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "string", Summary = "Overwrites a part of a string value with another by an offset. Creates the key if it doesn't exist.", Since = "2.2.0")]
    public async ValueTask SetRange(CommandContext ctx)
    {
        long offset = ctx.ArgInt64(2);
        if (offset < 0) throw RedisException.Err("offset is out of range");
        var patch = ctx.Arg(3);
        var length = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await LockedKey.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            var current = key.StringValue();
            // Writing nothing changes nothing and creates no key.
            if (patch.Length == 0) return current?.LongLength ?? 0;
            StringLimits.CheckLength(offset, patch.LongLength);
            var updated = new byte[Math.Max(current?.LongLength ?? 0, offset + patch.LongLength)];
            current?.CopyTo(updated, 0);
            patch.CopyTo(updated, offset);
            await key.WriteAsync(updated, key.ExpiresAt);
            await tx.NotifyAsync(NotifyFlags.String, "setrange", ctx.Arg(1));
            return updated.LongLength;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(length);
    }

    /// <summary>Redis's GETRANGE index rules: negative counts from the end, clamped to the string, empty when inverted.</summary>
    private static ReadOnlySpan<byte> Substring(byte[] value, long start, long end)
    {
        long length = value.LongLength;
        if (start < 0 && end < 0 && start > end) return [];
        if (start < 0) start += length;
        if (end < 0) end += length;
        start = Math.Max(start, 0);
        end = Math.Min(Math.Max(end, 0), length - 1);
        if (start > end || length == 0) return [];
        return value.AsSpan((int)start, (int)(end - start + 1));
    }
}
