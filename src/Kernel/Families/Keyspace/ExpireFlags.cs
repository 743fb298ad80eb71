using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>The NX / XX / GT / LT options of the EXPIRE commands, validated with Redis 7.0's rules and texts.</summary>
internal readonly record struct ExpireFlags(bool Nx, bool Xx, bool Gt, bool Lt)
{
    /// <summary>Reads the options from argument <paramref name="first"/> on.</summary>
    public static ExpireFlags Parse(CommandContext ctx, int first)
    {
        bool nx = false, xx = false, gt = false, lt = false;
        for (int i = first; i < ctx.Count; i++)
        {
            if (ctx.ArgIs(i, "NX")) nx = true;
            else if (ctx.ArgIs(i, "XX")) xx = true;
            else if (ctx.ArgIs(i, "GT")) gt = true;
            else if (ctx.ArgIs(i, "LT")) lt = true;
            else throw RedisException.Err("Unsupported option " + ctx.ArgString(i));
        }
        if (nx && (xx || gt || lt)) throw RedisException.Err("NX and XX, GT or LT options at the same time are not compatible");
        if (gt && lt) throw RedisException.Err("GT and LT options at the same time are not compatible");
        return new ExpireFlags(nx, xx, gt, lt);
    }
}
