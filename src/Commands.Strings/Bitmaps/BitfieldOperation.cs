using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings.Bitmaps;

/// <summary>BITFIELD's subcommands that act on a field.</summary>
internal enum BitfieldAction
{
    Get,
    Set,
    IncrBy,
}

/// <summary>
/// One GET, SET or INCRBY of a BITFIELD command: a field of <see cref="Type"/> at bit <see cref="Offset"/>, the SET
/// value or INCRBY increment, and the OVERFLOW policy in force where it appeared.
/// </summary>
internal sealed record BitfieldOperation(BitfieldAction Action, BitfieldType Type, long Offset, long Argument, BitfieldOverflow Overflow)
{
    public bool Writes => Action != BitfieldAction.Get;

    /// <summary>The first byte of the field.</summary>
    public long FirstByte => Offset >> 3;

    /// <summary>The last byte of the field.</summary>
    public long LastByte => (Offset + Type.Bits - 1) >> 3;

    /// <summary>
    /// The operations of BITFIELD's arguments from <paramref name="first"/> on, with Redis's errors in Redis's order
    /// (each subcommand's type, offset, then value), all before any key is read.
    /// </summary>
    public static List<BitfieldOperation> ParseAll(IReadOnlyList<byte[]> args, int first)
    {
        var operations = new List<BitfieldOperation>();
        var overflow = BitfieldOverflow.Wrap;
        for (int i = first; i < args.Count; i++)
        {
            int following = args.Count - i - 1;
            BitfieldAction action;
            if (Is(args[i], "get") && following >= 2) action = BitfieldAction.Get;
            else if (Is(args[i], "set") && following >= 3) action = BitfieldAction.Set;
            else if (Is(args[i], "incrby") && following >= 3) action = BitfieldAction.IncrBy;
            else if (Is(args[i], "overflow") && following >= 1)
            {
                overflow = ParseOverflow(args[++i]);
                continue;
            }
            else throw new RedisException(RedisErrors.Syntax);

            var type = BitfieldType.Parse(args[i + 1]);
            long offset = BitOffset.Parse(args[i + 2], type.Bits);
            long argument = 0;
            if (action != BitfieldAction.Get && !RedisNumbers.TryParseInt64(args[i + 3], out argument))
                throw new RedisException(RedisErrors.NotInteger);
            operations.Add(new(action, type, offset, argument, overflow));
            i += action == BitfieldAction.Get ? 2 : 3;
        }
        return operations;
    }

    /// <summary>
    /// Runs the operation on <paramref name="field"/>, the bytes <see cref="FirstByte"/> to <see cref="LastByte"/>:
    /// the reply (GET and SET the old value, INCRBY the new one; null when OVERFLOW FAIL refused the write) and
    /// whether the field's value changed.
    /// </summary>
    public (long? Reply, bool Changed) Apply(Span<byte> field)
    {
        int shift = (int)(Offset & 7);
        long old = Type.Read(field, shift);
        if (Action == BitfieldAction.Get) return (old, false);
        Int128 wanted = Action == BitfieldAction.IncrBy ? (Int128)old + Argument : SetValue();
        if (Type.Fit(wanted, Overflow) is not long stored) return (null, false);
        Type.Write(field, shift, stored);
        return (Action == BitfieldAction.IncrBy ? stored : old, stored != old);
    }

    /// <summary>
    /// A SET's value as Redis's overflow check sees it. An unsigned SET takes it as a uint64_t, so a negative value is
    /// far above the maximum. A signed SET below 64 bits computes maximum - value in 64 bits, which wraps when the
    /// value is more than 2^63 below the maximum, and Redis then takes it for a value above the maximum too (SAT
    /// stores the maximum). Read as a uint64_t (2^64 added), such a value is above the maximum and keeps the low
    /// bits WRAP stores.
    /// </summary>
    private Int128 SetValue() =>
        !Type.Signed || (Type.Bits < 64 && Type.Max - Argument > long.MaxValue) ? (Int128)(ulong)Argument : (Int128)Argument;

    private static BitfieldOverflow ParseOverflow(byte[] arg) =>
        Is(arg, "wrap") ? BitfieldOverflow.Wrap
        : Is(arg, "sat") ? BitfieldOverflow.Sat
        : Is(arg, "fail") ? BitfieldOverflow.Fail
        : throw RedisException.Err("Invalid OVERFLOW type specified");

    private static bool Is(byte[] arg, string name) => RedisNumbers.EqualsIgnoreCase(arg, name);
}
