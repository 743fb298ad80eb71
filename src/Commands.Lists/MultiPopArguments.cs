using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Lists;

/// <summary>LMPOP's and BLMPOP's arguments from numkeys on: the keys, the end to pop from, and COUNT (default 1).</summary>
internal sealed record MultiPopArguments(IReadOnlyList<byte[]> Keys, ListEnd End, long Count)
{
    /// <summary>Redis's order: numkeys, the end after the keys, then COUNT (at most once).</summary>
    public static MultiPopArguments Parse(CommandContext ctx, int numKeysIndex)
    {
        if (!RedisNumbers.TryParseInt64(ctx.Arg(numKeysIndex), out long numKeys) || numKeys < 1)
            throw RedisException.Err("numkeys should be greater than 0");
        if (numKeys > ctx.Count - numKeysIndex - 2) throw new RedisException(RedisErrors.Syntax);
        int endIndex = numKeysIndex + 1 + (int)numKeys;
        var end = ListEnds.Parse(ctx, endIndex);
        long count = -1;
        for (int i = endIndex + 1; i < ctx.Count; i++)
        {
            if (count != -1 || !ctx.ArgIs(i, "COUNT") || i + 1 >= ctx.Count) throw new RedisException(RedisErrors.Syntax);
            if (!RedisNumbers.TryParseInt64(ctx.Arg(++i), out count) || count < 1)
                throw RedisException.Err("count should be greater than 0");
        }
        return new(ctx.Args.Skip(numKeysIndex + 1).Take((int)numKeys).ToList(), end, Math.Max(count, 1));
    }
}

/// <summary>What a multi-key pop took: the key it came from and the elements, in the order they left.</summary>
internal sealed record PoppedElements(byte[] Key, List<byte[]> Values);
