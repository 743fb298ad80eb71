namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// Where a keyspace read FOR UPDATE names its keys: the positions of the key values among the statement's values, and
/// the position of the db value when the statement names its db itself (MOVE, COPY ... DB), else null for the
/// session's db. A transaction remembers the keys it locked, to change their versions if it writes their children.
/// </summary>
internal sealed record KeyLock(int[] KeyIndexes, int? DbIndex);
