using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// One CONFIG SET, checked whole before anything changes, in Redis 7.0's order: every name (unknown, immutable,
/// protected, named twice), then every value in turn (each replacing the value before it, so an alias named after its
/// parameter wins), then the apply steps of what changed. The first problem is the command's error.
/// </summary>
internal sealed class ConfigUpdate
{
    private ConfigUpdate(IReadOnlyDictionary<ConfigParameter, object> remembered, NotifyFlags? tenantNotifications)
    {
        Remembered = remembered;
        TenantNotifications = tenantNotifications;
    }

    /// <summary>The new values of the parameters this proxy remembers that the command changes.</summary>
    public IReadOnlyDictionary<ConfigParameter, object> Remembered { get; }

    /// <summary>notify-keyspace-events for the caller's tenant, when the command sets it.</summary>
    public NotifyFlags? TenantNotifications { get; }

    /// <summary>Checks <paramref name="pairs"/> against <paramref name="current"/>; throws Redis's error for the first problem.</summary>
    public static ConfigUpdate Plan(IReadOnlyList<(string Name, string Value)> pairs, IReadOnlyDictionary<ConfigParameter, object> current)
    {
        var targets = new List<(ConfigParameter Parameter, string Spelled, string Value)>();
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in pairs)
        {
            if (!RedisConfigTable.TryFind(name, out var parameter, out var spelled))
                throw RedisException.Err($"Unknown option or number of arguments for CONFIG SET - '{name}'");
            if (parameter.Flags.HasFlag(ConfigFlags.Immutable)) throw Failed(name, "can't set immutable config");
            if (parameter.Flags.HasFlag(ConfigFlags.Protected)) throw Failed(name, "can't set protected config");
            if (!named.Add(name)) throw Failed(name, "duplicate parameter");
            targets.Add((parameter, spelled, value));
        }

        var values = new Dictionary<ConfigParameter, object>(current);
        var applies = new List<(ConfigApply Apply, string Spelled)>();
        foreach (var (parameter, spelled, value) in targets)
        {
            var before = values[parameter];
            var parsed = parameter.Type.Parse(value, before);
            if (parsed.Error is { } error) throw Failed(spelled, error);
            values[parameter] = parsed.Value!;
            bool changed = parameter.Type.Format(parsed.Value!) != parameter.Type.Format(before);
            if (changed && parameter.Apply is { } apply && applies.All(a => a.Apply != apply)) applies.Add((apply, spelled));
        }
        foreach (var (apply, spelled) in applies)
        {
            if (apply.Run(values) is { } error) throw Failed(spelled, error);
        }

        var remembered = new Dictionary<ConfigParameter, object>();
        NotifyFlags? notifications = null;
        foreach (var parameter in targets.Select(t => t.Parameter).Distinct())
        {
            if (parameter.Source == ConfigValueSource.TenantSetting) notifications = (NotifyFlags)values[parameter];
            else if (parameter.Type.Format(values[parameter]) != parameter.Type.Format(current[parameter]))
                remembered[parameter] = values[parameter];
        }
        return new ConfigUpdate(remembered, notifications);
    }

    private static RedisException Failed(string name, string error) =>
        RedisException.Err($"CONFIG SET failed (possibly related to argument '{name}') - {error}");
}
