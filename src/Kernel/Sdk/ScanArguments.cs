using System.Globalization;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// The arguments shared by SCAN, HSCAN, SSCAN (and later ZSCAN): a cursor, then MATCH / COUNT (and TYPE for SCAN)
/// with Redis 7.0's checks. Cursors here are unsigned integers the families map to an ordered id column.
/// </summary>
public sealed record ScanArguments(GlobPattern? Pattern, long Count, string? Type)
{
    public const long DefaultCount = 10;

    /// <summary>
    /// The cursor argument read as Redis reads it, with C's strtoul: an optional sign, then decimal digits; a negative
    /// cursor wraps around (-1 is 2^64-1) and an empty one is 0. Anything else, or more than 64 bits, is Redis's
    /// "invalid cursor" error.
    /// </summary>
    public static ulong Cursor(CommandContext ctx, int index)
    {
        var text = ctx.Arg(index).AsSpan();
        if (text.IsEmpty) return 0;
        bool negative = text[0] == (byte)'-';
        var digits = text[0] is (byte)'-' or (byte)'+' ? text[1..] : text;
        if (!ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out ulong cursor))
            throw RedisException.Err("invalid cursor");
        return negative ? unchecked(0 - cursor) : cursor;
    }

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
