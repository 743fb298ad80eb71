using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>SORT's options, read left to right as Redis reads them (a later ASC or DESC wins; LIMIT wants two integers).</summary>
public sealed class SortOptions
{
    public bool Descending { get; private set; }
    public bool Alpha { get; set; }
    public long LimitOffset { get; private set; }
    public long LimitCount { get; private set; } = -1;
    public SortPattern? By { get; set; }
    public List<SortPattern> Gets { get; } = new();
    public byte[]? StoreKey { get; private set; }

    /// <summary>BY with a pattern without a star (even <c>#</c>): the elements keep their order (a set: its own).</summary>
    public bool DontSort { get; set; }

    public static SortOptions Parse(CommandContext ctx, bool readOnly)
    {
        var options = new SortOptions();
        for (int i = 2; i < ctx.Count; i++)
        {
            int left = ctx.Count - i - 1;
            if (ctx.ArgIs(i, "ASC")) options.Descending = false;
            else if (ctx.ArgIs(i, "DESC")) options.Descending = true;
            else if (ctx.ArgIs(i, "ALPHA")) options.Alpha = true;
            else if (ctx.ArgIs(i, "LIMIT") && left >= 2)
            {
                options.LimitOffset = ctx.ArgInt64(i + 1);
                options.LimitCount = ctx.ArgInt64(i + 2);
                i += 2;
            }
            else if (!readOnly && ctx.ArgIs(i, "STORE") && left >= 1) options.StoreKey = ctx.Arg(++i);
            else if (ctx.ArgIs(i, "BY") && left >= 1)
            {
                options.By = SortPattern.Parse(ctx.Arg(++i));
                options.DontSort = !options.By.HasStar;
            }
            else if (ctx.ArgIs(i, "GET") && left >= 1) options.Gets.Add(SortPattern.Parse(ctx.Arg(++i)));
            else throw new RedisException(RedisErrors.Syntax);
        }
        return options;
    }

    /// <summary>The first and last positions (inclusive) LIMIT selects out of <paramref name="length"/>, as Redis clamps them.</summary>
    public (long Start, long End) Range(long length)
    {
        long start = Math.Min(Math.Max(LimitOffset, 0), length);
        long count = Math.Min(Math.Max(LimitCount, -1), length);
        long end = count < 0 ? length - 1 : start + count - 1;
        if (start >= length) (start, end) = (length - 1, length - 2);
        if (end >= length) end = length - 1;
        return (start, end);
    }
}
