namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// The arguments of Redis's multi-key pops (LMPOP, BLMPOP, ZMPOP, BZMPOP) from numkeys on: the keys, the family's
/// direction word after them (LEFT|RIGHT, MIN|MAX), and COUNT (default 1).
/// </summary>
public sealed record MultiPopArguments<TWhere>(IReadOnlyList<byte[]> Keys, TWhere Where, long Count)
{
    /// <summary>Redis's order and errors: numkeys, the direction after the keys (<paramref name="parseWhere"/> at its index), then COUNT at most once.</summary>
    public static MultiPopArguments<TWhere> Parse(CommandContext ctx, int numKeysIndex, Func<CommandContext, int, TWhere> parseWhere)
    {
        if (!RedisNumbers.TryParseInt64(ctx.Arg(numKeysIndex), out long numKeys) || numKeys < 1)
            throw RedisException.Err("numkeys should be greater than 0");
        if (numKeys > ctx.Count - numKeysIndex - 2) throw new RedisException(RedisErrors.Syntax);
        int whereIndex = numKeysIndex + 1 + (int)numKeys;
        var where = parseWhere(ctx, whereIndex);
        long count = -1;
        for (int i = whereIndex + 1; i < ctx.Count; i++)
        {
            if (count != -1 || !ctx.ArgIs(i, "COUNT") || i + 1 >= ctx.Count) throw new RedisException(RedisErrors.Syntax);
            if (!RedisNumbers.TryParseInt64(ctx.Arg(++i), out count) || count < 1)
                throw RedisException.Err("count should be greater than 0");
        }
        return new(ctx.Args.Skip(numKeysIndex + 1).Take((int)numKeys).ToList(), where, Math.Max(count, 1));
    }
}
