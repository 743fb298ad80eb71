using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings;

/// <summary>When SET writes: always, NX (only if absent) or XX (only if present).</summary>
internal enum SetCondition
{
    Always,
    IfAbsent,
    IfPresent,
}

/// <summary>
/// The options of SET, and the expiry subset GETEX takes, with Redis 7.0's combination rules
/// (parseExtendedStringArgumentsOrReply): NX/XX exclude each other, KEEPTTL/PERSIST exclude any expiry, at most
/// one expiry kind (repeating the same one is allowed, the last value wins), anything else is a syntax error.
/// </summary>
internal sealed class StringWriteOptions
{
    public SetCondition Condition { get; private init; }
    /// <summary>GET: reply with the old value.</summary>
    public bool ReturnOld { get; private init; }
    public bool KeepTtl { get; private init; }
    /// <summary>GETEX PERSIST.</summary>
    public bool Persist { get; private init; }
    /// <summary>Absolute expiry in ms when EX, PX, EXAT or PXAT was given.</summary>
    public long? ExpiresAt { get; private init; }

    /// <summary>A SET that needs no look at the old row: one upsert.</summary>
    public bool IsBlindWrite => Condition == SetCondition.Always && !ReturnOld && !KeepTtl;

    /// <summary>GETEX with an option that changes the expiry.</summary>
    public bool ChangesExpiry => ExpiresAt is not null || Persist;

    public static StringWriteOptions ForSet(CommandContext ctx) => Parse(ctx, 3, forSet: true);

    public static StringWriteOptions ForGetEx(CommandContext ctx) => Parse(ctx, 2, forSet: false);

    public static StringWriteOptions WithCondition(SetCondition condition) => new() { Condition = condition };

    public static StringWriteOptions ReturningOld() => new() { ReturnOld = true };

    public static StringWriteOptions Expiring(long expiresAt) => new() { ExpiresAt = expiresAt };

    private static StringWriteOptions Parse(CommandContext ctx, int first, bool forSet)
    {
        var condition = SetCondition.Always;
        bool returnOld = false, keepTtl = false, persist = false;
        ExpiryUnit? unit = null;
        int expiryArg = 0;
        for (int i = first; i < ctx.Count; i++)
        {
            bool hasValue = i + 1 < ctx.Count;
            if (forSet && ctx.ArgIs(i, "NX") && condition != SetCondition.IfPresent) condition = SetCondition.IfAbsent;
            else if (forSet && ctx.ArgIs(i, "XX") && condition != SetCondition.IfAbsent) condition = SetCondition.IfPresent;
            else if (forSet && ctx.ArgIs(i, "GET")) returnOld = true;
            else if (forSet && ctx.ArgIs(i, "KEEPTTL") && unit is null) keepTtl = true;
            else if (!forSet && ctx.ArgIs(i, "PERSIST") && unit is null) persist = true;
            else if (hasValue && !keepTtl && !persist && ExpiryUnitAt(ctx, i) is { } next && (unit is null || unit == next))
            {
                unit = next;
                expiryArg = ++i;
            }
            else throw new RedisException(RedisErrors.Syntax);
        }
        return new StringWriteOptions
        {
            Condition = condition,
            ReturnOld = returnOld,
            KeepTtl = keepTtl,
            Persist = persist,
            ExpiresAt = unit is { } u ? ExpiryTime.Resolve(ctx.Arg(expiryArg), u, ctx.NowMs, ctx.Command.Name) : null,
        };
    }

    private static ExpiryUnit? ExpiryUnitAt(CommandContext ctx, int i) =>
        ctx.ArgIs(i, "EX") ? ExpiryUnit.Seconds
        : ctx.ArgIs(i, "PX") ? ExpiryUnit.Milliseconds
        : ctx.ArgIs(i, "EXAT") ? ExpiryUnit.UnixSeconds
        : ctx.ArgIs(i, "PXAT") ? ExpiryUnit.UnixMilliseconds
        : null;
}
