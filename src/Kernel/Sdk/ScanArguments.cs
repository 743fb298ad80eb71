using System.Globalization;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// The arguments shared by SCAN, HSCAN, SSCAN (and later ZSCAN): a cursor, then MATCH / COUNT (and TYPE for SCAN)
/// with Redis 7.0's checks. Cursors here are unsigned integers the families map to an ordered id column.
/// </summary>
public sealed record ScanArguments(GlobPattern? Pattern, long Count, string? Type)
{
    public const long DefaultCount = 10;

    /// <summary>The cursor argument, or Redis's "invalid cursor" error.</summary>
    public static ulong Cursor(CommandContext ctx, int index) =>
        ulong.TryParse(ctx.Arg(index), NumberStyles.None, CultureInfo.InvariantCulture, out ulong cursor)
            ? cursor
            : throw RedisException.Err("invalid cursor");

    /// <summary>Options from <paramref name="first"/> on; COUNT below 1 and anything unknown are syntax errors.</summary>
    public static ScanArguments Options(CommandContext ctx, int first, bool allowType = false)
    {
        GlobPattern? pattern = null;
        long count = DefaultCount;
        string? type = null;
        for (int i = first; i < ctx.Count; i += 2)
        {
            if (i + 1 >= ctx.Count) throw new RedisException(RedisErrors.Syntax);
            if (ctx.ArgIs(i, "COUNT"))
            {
                count = ctx.ArgInt64(i + 1);
                if (count < 1) throw new RedisException(RedisErrors.Syntax);
            }
            else if (ctx.ArgIs(i, "MATCH"))
            {
                var candidate = new GlobPattern(ctx.Arg(i + 1));
                pattern = candidate.MatchesEverything ? null : candidate;
            }
            else if (allowType && ctx.ArgIs(i, "TYPE"))
            {
                type = ctx.ArgString(i + 1);
            }
            else
            {
                throw new RedisException(RedisErrors.Syntax);
            }
        }
        return new ScanArguments(pattern, count, type);
    }

    public bool Matches(ReadOnlySpan<byte> element) => Pattern?.IsMatch(element) ?? true;
}
