namespace RedisOnMySql.Commands.Lists;

/// <summary>
/// One LPUSH / RPUSH / LPUSHX / RPUSHX as data, for the shared push transaction: the end, whether the list must already
/// exist (the X forms), and the elements in argument order.
/// </summary>
internal sealed record PushRequest(ListEnd End, bool OnlyIfExists, IReadOnlyList<byte[]> Values);
