namespace RedisOnMySql.Commands.Strings.Bitmaps;

/// <summary>What BITFIELD's SET and INCRBY do with a value the field's type cannot hold (OVERFLOW WRAP|SAT|FAIL).</summary>
internal enum BitfieldOverflow
{
    /// <summary>Keep the low bits, as two's complement for signed types (the default).</summary>
    Wrap,

    /// <summary>Saturate: the type's minimum or maximum.</summary>
    Sat,

    /// <summary>Write nothing and answer null for that operation.</summary>
    Fail,
}
