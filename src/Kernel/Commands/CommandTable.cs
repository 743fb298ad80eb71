using System.Reflection;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Commands;

/// <summary>Startup failed because two enabled plugins claim one command, or a handler has the wrong shape.</summary>
public sealed class CommandTableException(string message) : Exception(message);

/// <summary>
/// Every enabled command by name, built once at startup from the [RedisCommand] methods of the enabled families.
/// Arity checks, COMMAND output and key extraction all read from here.
/// </summary>
public sealed class CommandTable
{
    private readonly Dictionary<string, CommandEntry> _byName;
    private readonly Dictionary<string, CommandEntry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private CommandTable(Dictionary<string, CommandEntry> byName, IReadOnlyList<string> families, bool clusterMode)
    {
        _byName = byName;
        _bySpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        EnabledFamilies = families;
        ClusterMode = clusterMode;
    }

    public IReadOnlyCollection<CommandEntry> All => _byName.Values;
    public IReadOnlyList<string> EnabledFamilies { get; }
    public int Count => _byName.Count;

    public CommandEntry? Find(string name) => _byName.GetValueOrDefault(name);

    public CommandEntry? Find(ReadOnlySpan<byte> name)
    {
        if (name.Length == 0 || name.Length > 64) return null;
        Span<char> chars = stackalloc char[name.Length];
        for (int i = 0; i < name.Length; i++) chars[i] = (char)name[i];
        return _bySpan.TryGetValue(chars, out var entry) ? entry : null;
    }

    /// <summary>The table of the families <paramref name="families"/> switches on, less the disabled commands.</summary>
    public static CommandTable Build(IEnumerable<ICommandFamily> families, FamiliesOptions switches, IEnumerable<string> disabledCommands)
    {
        var offCommands = new HashSet<string>(disabledCommands, StringComparer.OrdinalIgnoreCase);
        var byName = new Dictionary<string, CommandEntry>(StringComparer.OrdinalIgnoreCase);
        var standIns = new Dictionary<string, CommandEntry>(StringComparer.OrdinalIgnoreCase);
        var enabled = new List<string>();
        bool clusterMode = false;
        foreach (var family in families.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (!switches.IsOn(family.Name, family.EnabledByDefault)) continue;
            enabled.Add(family.Name);
            clusterMode |= family is IClusterMode;
            foreach (var entry in EntriesOf(family))
            {
                if (offCommands.Contains(entry.Name)) continue;
                if (entry.StandIn)
                {
                    standIns[entry.Name] = entry;
                    continue;
                }
                if (byName.TryGetValue(entry.Name, out var existing))
                    throw new CommandTableException(
                        $"command '{entry.Name}' is defined twice: by plugin '{existing.Plugin}' (family '{existing.Family}') " +
                        $"and by plugin '{entry.Plugin}' (family '{entry.Family}')");
                byName[entry.Name] = entry;
            }
        }
        foreach (var (name, entry) in standIns) byName.TryAdd(name, entry);
        return new CommandTable(byName, enabled.Distinct().ToList(), clusterMode);
    }

    /// <summary>Whether an enabled family makes the proxy a cluster node (<see cref="IClusterMode"/>).</summary>
    public bool ClusterMode { get; }

    private static IEnumerable<CommandEntry> EntriesOf(ICommandFamily family)
    {
        var type = family.GetType();
        var plugin = type.Assembly.GetName().Name ?? type.Assembly.FullName ?? "?";
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var methods = type.GetMethods(flags);
        var planners = new Dictionary<string, CommandPlanner>(StringComparer.OrdinalIgnoreCase);
        foreach (var method in methods)
        {
            var attribute = method.GetCustomAttribute<CommandPlanAttribute>();
            if (attribute == null) continue;
            var parameters = method.GetParameters();
            if (method.ReturnType != typeof(CommandPlan) || parameters.Length != 1 || parameters[0].ParameterType != typeof(CommandContext))
                throw new CommandTableException(
                    $"{type.FullName}.{method.Name} must be 'CommandPlan? {method.Name}(CommandContext)' to plan '{attribute.Command}'");
            planners[attribute.Command] = method.IsStatic
                ? method.CreateDelegate<CommandPlanner>()
                : method.CreateDelegate<CommandPlanner>(family);
        }
        foreach (var method in methods)
        {
            foreach (var attribute in method.GetCustomAttributes<RedisCommandAttribute>())
            {
                var parameters = method.GetParameters();
                if (method.ReturnType != typeof(ValueTask) || parameters.Length != 1 || parameters[0].ParameterType != typeof(CommandContext))
                    throw new CommandTableException(
                        $"{type.FullName}.{method.Name} must be 'ValueTask {method.Name}(CommandContext)' to handle '{attribute.Name}'");
                var handler = method.IsStatic
                    ? method.CreateDelegate<CommandHandler>()
                    : method.CreateDelegate<CommandHandler>(family);
                yield return new CommandEntry(attribute.Name.ToLowerInvariant(), attribute.Arity, attribute.Flags,
                    attribute.FirstKey, attribute.LastKey, attribute.Step, family.Name, plugin,
                    attribute.Group == "" ? family.Name : attribute.Group, attribute.Summary, attribute.Since, handler,
                    planners.GetValueOrDefault(attribute.Name), attribute.StandIn, attribute.AclCategories);
            }
        }
    }
}
