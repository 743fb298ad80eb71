using System.Text;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Families.Server.Config;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>
/// Redis 7.0's config parameters as a caller sees them: every name and alias of <see cref="RedisConfigTable"/>, with
/// the values this proxy remembers (<see cref="ConfigStore"/>), except the port (the one the caller is connected to)
/// and dir (the proxy's working directory). notify-keyspace-events is the caller's tenant's; the CONFIG commands
/// read and write it in MySQL.
/// </summary>
internal sealed class ConfigParameters(ConfigStore store, ProxyOptions options)
{
    /// <summary>
    /// The parameters CONFIG GET answers for its arguments, each name once (in any case), with the name it answers
    /// them under: a name without glob characters is looked up in any case and answered as written; a pattern matches
    /// (in any case) every name and alias that is not hidden, answered as Redis spells it.
    /// </summary>
    public IReadOnlyList<(byte[] Name, ConfigParameter Parameter)> Matching(IEnumerable<byte[]> arguments)
    {
        var matches = new List<(byte[] Name, ConfigParameter Parameter)>();
        var answered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in arguments)
        {
            var text = Encoding.Latin1.GetString(argument);
            if (text.AsSpan().IndexOfAny("[*?") < 0)
            {
                if (RedisConfigTable.TryFind(text, out var parameter, out _) && answered.Add(text)) matches.Add((argument, parameter));
                continue;
            }
            var pattern = new GlobPattern(argument, ignoreCase: true);
            foreach (var (name, parameter) in Names())
            {
                var spelled = Encoding.ASCII.GetBytes(name);
                if (pattern.IsMatch(spelled) && answered.Add(name)) matches.Add((spelled, parameter));
            }
        }
        return matches;
    }

    /// <summary>Every value as the caller sees it; notify-keyspace-events is left at its default for the caller to read.</summary>
    public Dictionary<ConfigParameter, object> ValuesFor(ClientSession caller) => SeenBy(caller, store.Values);

    /// <summary>
    /// CONFIG SET of <paramref name="pairs"/>: all of it or none of it. The tenant's notify-keyspace-events is saved
    /// (by <paramref name="saveTenantNotifications"/>) before the proxy's values change, so a failure there changes nothing.
    /// </summary>
    public Task SetAsync(IReadOnlyList<(string Name, string Value)> pairs, ClientSession caller,
        Func<NotifyFlags, Task> saveTenantNotifications) =>
        store.UpdateAsync(async stored =>
        {
            var update = ConfigUpdate.Plan(pairs, SeenBy(caller, stored));
            if (update.TenantNotifications is { } flags) await saveTenantNotifications(flags).ConfigureAwait(false);
            return update.Remembered;
        });

    private Dictionary<ConfigParameter, object> SeenBy(ClientSession caller, IReadOnlyDictionary<ConfigParameter, object> stored)
    {
        var values = new Dictionary<ConfigParameter, object>(stored);
        foreach (var parameter in RedisConfigTable.All)
        {
            switch (parameter.Source)
            {
                case ConfigValueSource.ListenPort: values[parameter] = (long)InfoReport.ListenPort(caller, options); break;
                case ConfigValueSource.WorkingDirectory: values[parameter] = Directory.GetCurrentDirectory(); break;
            }
        }
        return values;
    }

    /// <summary>Every name and alias, in the table's order.</summary>
    private static IEnumerable<(string Name, ConfigParameter Parameter)> Names()
    {
        foreach (var parameter in RedisConfigTable.All.Where(p => !p.Flags.HasFlag(ConfigFlags.Hidden)))
        {
            yield return (parameter.Name, parameter);
            if (parameter.Alias is { } alias) yield return (alias, parameter);
        }
    }
}
