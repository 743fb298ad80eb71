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
        ulong cursor = ScanArguments.Cursor(ctx, 2);
        // Redis looks the key up before it reads the options: a missing key ends the walk whatever follows.
        var page = new List<(ulong Seq, byte[] Member)>();
        long count = ScanArguments.DefaultCount;
        ScanArguments? options = null;
        if (await FindSetAsync(ctx, ctx.Arg(1)) is long id)
        {
            options = ScanArguments.Options(ctx, 3);
            count = options.Count;
            page = await ctx.Sql.QueryListAsync(SetStatements.ScanPage,
                r => (Convert.ToUInt64(r.GetValue(0)), (byte[])r.GetValue(1)), id, cursor, count);
        }
        var members = page.Select(row => row.Member).Where(m => options?.Matches(m) ?? true).ToList();
        ctx.Reply.WriteArrayHeader(2);
        ctx.Reply.WriteBulkString(page.Count == count ? page[^1].Seq.ToString(CultureInfo.InvariantCulture) : "0");
        WriteMembers(ctx, members);
    }
}
