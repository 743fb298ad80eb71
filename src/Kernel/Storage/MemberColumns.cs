namespace RedisOnMySql.Kernel.Storage;

/// <summary>
/// The columns of a child table whose rows are a key's members: the member's SHA-256 (its identity, also in every other
/// such table, so members of two tables can be matched by it) and the member's bytes.
/// </summary>
public sealed record MemberColumns(string Hash, string Value);
