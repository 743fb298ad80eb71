using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Strings;

/// <summary>LCS with Redis 7.0's options and reply shapes.</summary>
public sealed partial class StringCommands
{
    [RedisCommand("lcs", -3, CommandFlags.ReadOnly, 1, 2, 1, Group = "string", Summary = "Finds the longest common substring.", Since = "7.0.0")]
    public async ValueTask Lcs(CommandContext ctx)
    {
        var rows = await ReadStringRowsAsync(ctx, [ctx.Arg(1), ctx.Arg(2)]);
        // Redis looks the keys up before it parses the options, so a wrong type is reported first.
        if (rows.Values.Any(r => r.Type != KeyType.String)) throw RedisException.Err("The specified keys must contain string values");
        byte[] ValueOf(byte[] key) => rows.TryGetValue(key, out var row) ? row.Value ?? [] : [];
        var a = ValueOf(ctx.Arg(1));
        var b = ValueOf(ctx.Arg(2));

        bool len = false, idx = false, withMatchLength = false;
        long minMatchLength = 0;
        for (int i = 3; i < ctx.Count; i++)
        {
            if (ctx.ArgIs(i, "IDX")) idx = true;
            else if (ctx.ArgIs(i, "LEN")) len = true;
            else if (ctx.ArgIs(i, "WITHMATCHLEN")) withMatchLength = true;
            else if (ctx.ArgIs(i, "MINMATCHLEN") && i + 1 < ctx.Count) minMatchLength = Math.Max(0, ctx.ArgInt64(++i));
            else throw new RedisException(RedisErrors.Syntax);
        }
        if (idx && len) throw RedisException.Err("If you want both the length and indexes, please just use IDX.");
        if (!LongestCommonSubsequence.FitsInMemory(a, b)) throw new RedisException(LongestCommonSubsequence.TableTooLarge);

        var lcs = LongestCommonSubsequence.Compute(a, b);
        if (len)
        {
            ctx.Reply.WriteInteger(lcs.Length);
            return;
        }
        var (sequence, matches) = lcs.Walk(minMatchLength);
        if (!idx)
        {
            ctx.Reply.WriteBulkString(sequence);
            return;
        }
        ctx.Reply.WriteArrayHeader(4);
        ctx.Reply.WriteBulkString("matches");
        ctx.Reply.WriteArrayHeader(matches.Count);
        foreach (var match in matches)
        {
            ctx.Reply.WriteArrayHeader(withMatchLength ? 3 : 2);
            ctx.Reply.WriteArrayHeader(2);
            ctx.Reply.WriteInteger(match.AStart);
            ctx.Reply.WriteInteger(match.AEnd);
            ctx.Reply.WriteArrayHeader(2);
            ctx.Reply.WriteInteger(match.BStart);
            ctx.Reply.WriteInteger(match.BEnd);
            if (withMatchLength) ctx.Reply.WriteInteger(match.Length);
        }
        ctx.Reply.WriteBulkString("len");
        ctx.Reply.WriteInteger(lcs.Length);
    }
}
