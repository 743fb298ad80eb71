using System.Globalization;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Sets;

/// <summary>SSCAN.</summary>
public sealed partial class SetCommands
{
    /// <summary>
    /// The cursor is the seq of the last member returned: seq only grows and a member keeps it while it stays, so a
    /// member present for the whole walk is returned exactly once. MATCH filters the page after it is read, as in Redis.
    /// </summary>
    [RedisCommand("sscan", -3, CommandFlags.ReadOnly, 1, 1, 1, Group = "set", Since = "2.8.0", Summary = "Iterates over members of a set.")]
    public async ValueTask SScan(CommandContext ctx)
    {
        if (!ulong.TryParse(ctx.ArgString(2), NumberStyles.None, CultureInfo.InvariantCulture, out ulong cursor))
            throw RedisException.Err("invalid cursor");
        // Redis looks the key up before it reads the options: a missing key ends the walk whatever follows.
        var page = new List<(ulong Seq, byte[] Member)>();
        long count = 10;
        GlobPattern? pattern = null;
        if (await FindSetAsync(ctx, ctx.Arg(1)) is long id)
        {
            (pattern, count) = ReadScanOptions(ctx);
            page = await ctx.Sql.QueryListAsync(SetStatements.ScanPage,
                r => (Convert.ToUInt64(r.GetValue(0)), (byte[])r.GetValue(1)), id, cursor, count);
        }
        var members = page.Select(row => row.Member).Where(m => pattern?.IsMatch(m) ?? true).ToList();
        ctx.Reply.WriteArrayHeader(2);
        ctx.Reply.WriteBulkString(page.Count == count ? page[^1].Seq.ToString(CultureInfo.InvariantCulture) : "0");
        WriteMembers(ctx, members);
    }

    /// <summary>MATCH and COUNT with Redis 7.0's checks (COUNT below 1 is a syntax error; no TYPE for SSCAN).</summary>
    private static (GlobPattern? Pattern, long Count) ReadScanOptions(CommandContext ctx)
    {
        GlobPattern? pattern = null;
        long count = 10;
        for (int i = 3; i < ctx.Count; i += 2)
        {
            bool hasValue = i + 1 < ctx.Count;
            if (hasValue && ctx.ArgIs(i, "COUNT"))
            {
                count = ctx.ArgInt64(i + 1);
                if (count < 1) throw new RedisException(RedisErrors.Syntax);
            }
            else if (hasValue && ctx.ArgIs(i, "MATCH"))
            {
                var candidate = new GlobPattern(ctx.Arg(i + 1));
                pattern = candidate.MatchesEverything ? null : candidate;
            }
            else
            {
                throw new RedisException(RedisErrors.Syntax);
            }
        }
        return (pattern, count);
    }
}
