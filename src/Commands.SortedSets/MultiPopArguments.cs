using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>ZMPOP's and BZMPOP's arguments from numkeys on: the keys, MIN or MAX, and COUNT (default 1).</summary>
internal sealed record MultiPopArguments(IReadOnlyList<byte[]> Keys, bool Max, long Count)
{
    /// <summary>Redis's zmpopGenericCommand: numkeys, MIN|MAX after the keys, then COUNT at most once.</summary>
    public static MultiPopArguments Parse(CommandContext ctx, int numKeysIndex)
    {
        if (!RedisNumbers.TryParseInt64(ctx.Arg(numKeysIndex), out long numKeys) || numKeys < 1)
            throw RedisException.Err("numkeys should be greater than 0");
        if (numKeys >= ctx.Count - numKeysIndex - 1) throw new RedisException(RedisErrors.Syntax);
        int whereIndex = numKeysIndex + 1 + (int)numKeys;
        bool max = ctx.ArgIs(whereIndex, "MAX");
        if (!max && !ctx.ArgIs(whereIndex, "MIN")) throw new RedisException(RedisErrors.Syntax);
        long count = -1;
        for (int i = whereIndex + 1; i < ctx.Count; i++)
        {
            if (count != -1 || !ctx.ArgIs(i, "COUNT") || i + 1 >= ctx.Count) throw new RedisException(RedisErrors.Syntax);
            if (!RedisNumbers.TryParseInt64(ctx.Arg(++i), out count) || count < 1)
                throw RedisException.Err("count should be greater than 0");
        }
        return new(ctx.Args.Skip(numKeysIndex + 1).Take((int)numKeys).ToList(), max, Math.Max(count, 1));
    }
}
