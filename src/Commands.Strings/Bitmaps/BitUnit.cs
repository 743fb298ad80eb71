namespace RedisOnMySql.Commands.Strings.Bitmaps;

/// <summary>What BITCOUNT's and BITPOS's start and end count: bytes (the default) or bits.</summary>
internal enum BitUnit
{
    Byte,
    Bit,
}
