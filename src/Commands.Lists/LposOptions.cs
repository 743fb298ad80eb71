using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Lists;

/// <summary>
/// LPOS's RANK, COUNT and MAXLEN, parsed in Redis's order with its error texts, as the query to run: which end to
/// scan from, how many matches to skip and to return, and how many elements to look at (0 = all).
/// </summary>
internal sealed record LposOptions(bool FromTail, long Skip, long Take, long MaxLen, bool WithCount)
{
    public static LposOptions Parse(CommandContext ctx)
    {
        long rank = 1, count = -1, maxLen = 0;
        for (int i = 3; i < ctx.Count; i++)
        {
            bool hasValue = i + 1 < ctx.Count;
            if (ctx.ArgIs(i, "RANK") && hasValue)
            {
                rank = ctx.ArgInt64(++i);
                if (rank == 0)
                    throw RedisException.Err("RANK can't be zero: use 1 to start from the first match, 2 from the second ... " +
                                             "or use negative to start from the end of the list");
            }
            else if (ctx.ArgIs(i, "COUNT") && hasValue)
            {
                count = NonNegative(ctx, ++i, "COUNT can't be negative");
            }
            else if (ctx.ArgIs(i, "MAXLEN") && hasValue)
            {
                maxLen = NonNegative(ctx, ++i, "MAXLEN can't be negative");
            }
            else
            {
                throw new RedisException(RedisErrors.Syntax);
            }
        }
        bool withCount = count != -1;
        // Redis negates the rank in a C long: RANK -9223372036854775808 stays negative, so every match qualifies
        // from the tail and the COUNT limit never triggers. Answer what it answers.
        if (rank == long.MinValue) return new(true, 0, withCount ? long.MaxValue : 1, ListIndexes.Clamp(maxLen), withCount);
        long take = !withCount ? 1 : count == 0 ? long.MaxValue : count;
        return new(rank < 0, Math.Abs(rank) - 1, take, ListIndexes.Clamp(maxLen), withCount);
    }

    private static long NonNegative(CommandContext ctx, int index, string error) =>
        RedisNumbers.TryParseInt64(ctx.Arg(index), out long value) && value >= 0 ? value : throw RedisException.Err(error);
}
