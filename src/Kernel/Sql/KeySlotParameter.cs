namespace RedisOnMySql.Kernel.Sql;

/// <summary>A statement parameter holding the hash slot of the key in the caller's value at <see cref="KeyIndex"/>.</summary>
internal readonly record struct KeySlotParameter(string Name, int KeyIndex);
