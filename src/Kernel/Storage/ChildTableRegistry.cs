using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Kernel.Storage;

/// <summary>
/// Every child table: the kernel's own (the sorted-set tables, which two families share) and those declared by a loaded
/// family (enabled or not: a disabled family's rows still need collecting).
/// </summary>
public sealed class ChildTableRegistry(IEnumerable<ICommandFamily> families)
{
    public IReadOnlyList<ChildTable> All { get; } =
        [.. ZSetTables.All, .. families.OfType<IChildRowOwner>().SelectMany(f => f.ChildTables)];

    public IEnumerable<ChildTable> Of(KeyType type) => All.Where(t => t.Type == type);

    /// <summary>
    /// The table holding the members of keys of <paramref name="type"/> with their SHA-256 (<see cref="ChildTable.Members"/>),
    /// so a family can read another family's keys as plain member sets; null when no loaded family declares one.
    /// </summary>
    public ChildTable? MembersOf(KeyType type) => Of(type).FirstOrDefault(t => t.Members is not null);
}
