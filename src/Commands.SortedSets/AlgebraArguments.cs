using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// The arguments of the sorted-set algebra from numkeys on, parsed as Redis's zunionInterDiffGenericCommand does:
/// numkeys and the keys, then WEIGHTS and AGGREGATE (not for ZDIFF), WITHSCORES (not for the STORE forms) or LIMIT
/// (ZINTERCARD only). Redis looks the keys up before it reads the options, so an error in the options is kept in
/// <see cref="OptionError"/> for the command to raise once the keys passed the type check.
/// </summary>
internal sealed record AlgebraArguments(IReadOnlyList<byte[]> Keys, IReadOnlyList<double> Weights, Aggregate Aggregate,
    bool WithScores, long Limit, string? OptionError)
{
    /// <param name="store">a STORE form (WITHSCORES is refused)</param>
    /// <param name="cardinality">ZINTERCARD (only LIMIT is taken)</param>
    public static AlgebraArguments Parse(CommandContext ctx, int numKeysIndex, AlgebraOperation operation, bool store, bool cardinality)
    {
        long numKeys = ctx.ArgInt64(numKeysIndex);
        if (numKeys < 1) throw RedisException.Err($"at least 1 input key is needed for '{ctx.Command.Name}' command");
        if (numKeys > ctx.Count - numKeysIndex - 1) throw new RedisException(RedisErrors.Syntax);
        var keys = ctx.Args.Skip(numKeysIndex + 1).Take((int)numKeys).ToList();
        var weights = Enumerable.Repeat(1.0, keys.Count).ToArray();
        var aggregate = Aggregate.Sum;
        bool withScores = false;
        long limit = 0;
        string? error = null;
        bool weighted = operation != AlgebraOperation.Diff && !cardinality;
        for (int i = numKeysIndex + 1 + keys.Count; i < ctx.Count && error is null; i++)
        {
            int remaining = ctx.Count - i;
            if (weighted && remaining >= keys.Count + 1 && ctx.ArgIs(i, "WEIGHTS"))
            {
                for (int k = 0; k < keys.Count && error is null; k++)
                {
                    if (!ScoreText.TryParse(ctx.Arg(++i), out weights[k])) error = "ERR weight value is not a float";
                }
            }
            else if (weighted && remaining >= 2 && ctx.ArgIs(i, "AGGREGATE"))
            {
                i++;
                if (ctx.ArgIs(i, "SUM")) aggregate = Aggregate.Sum;
                else if (ctx.ArgIs(i, "MIN")) aggregate = Aggregate.Min;
                else if (ctx.ArgIs(i, "MAX")) aggregate = Aggregate.Max;
                else error = RedisErrors.Syntax;
            }
            else if (!store && !cardinality && ctx.ArgIs(i, "WITHSCORES")) withScores = true;
            else if (cardinality && remaining >= 2 && ctx.ArgIs(i, "LIMIT"))
            {
                if (!RedisNumbers.TryParseInt64(ctx.Arg(++i), out limit) || limit < 0) error = "ERR LIMIT can't be negative";
            }
            else error = RedisErrors.Syntax;
        }
        return new(keys, weights, aggregate, withScores, limit, error);
    }

    /// <summary>Raises the options' error, once the keys have been checked.</summary>
    public void ThrowOptionError()
    {
        if (OptionError is not null) throw new RedisException(OptionError);
    }
}
