using System.Text;

namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>The checks Redis 7.0 makes on particular parameters' values beyond their type, with its texts, and the proxy's own.</summary>
internal static class ConfigValidators
{
    private const int HostnameLimit = 256;

    /// <summary>
    /// What the reference redis-server (Debian's, built without Redis's own jemalloc) answers; the proxy has no memory
    /// to defragment either.
    /// </summary>
    public static string? ActiveDefrag(bool enable) => enable
        ? "Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution"
        : null;

    public static string? AnnouncedHostname(string hostname)
    {
        if (hostname.Length >= HostnameLimit) return $"Hostnames must be less than {HostnameLimit} characters";
        return hostname.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            ? null
            : "Hostnames may only contain alphanumeric characters, hyphens or dots";
    }

    public static string? ShutdownOnSignal(int flags) =>
        (flags & ShutdownFlags.Save) != 0 && (flags & ShutdownFlags.NoSave) != 0
            ? "shutdown options SAVE and NOSAVE can't be used simultaneously"
            : null;

    /// <summary>
    /// A template must expand (known {variables}, "{{" for a brace) to something besides spaces when the title itself
    /// is empty, as Redis checks it.
    /// </summary>
    public static string? ProcTitleTemplate(string template) =>
        ExpandProcTitle(template) is { } title && title.Trim(' ').Length > 0
            ? null
            : "template format is invalid or contains unknown variables";

    /// <summary>Clients authenticate as MySQL users here, so a Redis password would protect nothing; only "" is accepted.</summary>
    public static string? RequirePass(string password) => password.Length == 0
        ? null
        : "not supported by redis-on-mysql: clients authenticate as MySQL users (AUTH user password)";

    /// <summary>What each variable expands to while validating: only whether it is empty matters.</summary>
    private static readonly Dictionary<string, string> ProcTitleVariables = new(StringComparer.Ordinal)
    {
        ["title"] = "",
        ["listen-addr"] = "*:6379",
        ["server-mode"] = "",
        ["config-file"] = "-",
        ["port"] = "6379",
        ["tls-port"] = "0",
        ["unixsocket"] = "",
    };

    private static string? ExpandProcTitle(string template)
    {
        var title = new StringBuilder();
        int at = 0;
        while (at < template.Length)
        {
            int open = template.IndexOf('{', at);
            if (open < 0)
            {
                title.Append(template, at, template.Length - at);
                break;
            }
            title.Append(template, at, open - at);
            int name = open + 1;
            if (name == template.Length) return null;
            if (template[name] == '{')
            {
                title.Append('{');
                at = name + 1;
                continue;
            }
            int close = template.IndexOf('}', name);
            if (close < 0 || !ProcTitleVariables.TryGetValue(template[name..close], out var value)) return null;
            title.Append(value);
            at = close + 1;
        }
        return title.ToString();
    }
}
