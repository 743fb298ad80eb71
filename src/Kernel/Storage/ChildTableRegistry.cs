using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Storage;

/// <summary>Every child table declared by a loaded family (enabled or not: a disabled family's rows still need collecting).</summary>
public sealed class ChildTableRegistry(IEnumerable<ICommandFamily> families)
{
    public IReadOnlyList<ChildTable> All { get; } =
        families.OfType<IChildRowOwner>().SelectMany(f => f.ChildTables).ToList();

    public IEnumerable<ChildTable> Of(KeyType type) => All.Where(t => t.Type == type);
}
