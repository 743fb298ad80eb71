using System.Globalization;
using MySqlConnector;

namespace RedisOnMySql.Kernel.Configuration;

/// <summary>The kinds of values config keys hold.</summary>
internal static class ConfigValueTypes
{
    public static readonly ConfigValueType<int> PositiveInt = IntBetween("a positive integer", 1, int.MaxValue);

    /// <summary>For timeouts and delays where 0 means "none".</summary>
    public static readonly ConfigValueType<int> NonNegativeInt = IntBetween("a non-negative integer", 0, int.MaxValue);

    /// <summary>A TCP port, or 0 for "the one the proxy listens on".</summary>
    public static readonly ConfigValueType<int> PortOrZero = IntBetween("a port from 0 to 65535", 0, 65535);

    /// <summary>A heartbeat period: up to an hour (a timer cannot wait much longer than 49 days, and nobody should).</summary>
    public static readonly ConfigValueType<int> HeartbeatSeconds = IntBetween("an integer from 1 to 3600", 1, 3600);

    public static readonly ConfigValueType<int> DatabaseCount = IntBetween("an integer from 1 to 10000", 1, 10000);

    public static readonly ConfigValueType<bool> Bool = new(
        "true, false, yes, no, 1 or 0", TryParseBool, value => value ? "true" : "false");

    public static readonly ConfigValueType<string> NonEmptyText = new(
        "a non-empty string", (string text, out string value) => (value = text).Length > 0, Identity);

    public static readonly ConfigValueType<string> Text = new(
        "a string", (string text, out string value) => { value = text; return true; }, Identity, AcceptsEmpty: true);

    public static readonly ConfigValueType<string> Secret = Text with { Redact = SecretMask.MaskSecret };

    /// <summary>Port 0 lets the OS pick a free port, which in-process tests rely on.</summary>
    public static readonly ConfigValueType<string> ListenAddress = Address("a host:port address with a port from 0 to 65535", minPort: 0);

    public static readonly ConfigValueType<string> ServerAddresses = new(
        "a host:port address with a port from 1 to 65535, or a comma-separated list of them with one port",
        (string text, out string value) => MysqlServers.TryParse(value = text, out _, out _),
        Identity);

    /// <summary>Checked by MySqlConnector itself so that a misspelled option stops startup instead of being ignored.</summary>
    public static readonly ConfigValueType<string> ConnectionOptions = new(
        "MySqlConnector connection-string options such as 'SslMode=None;'",
        TryParseConnectionOptions,
        Identity,
        AcceptsEmpty: true,
        Redact: SecretMask.MaskConnectionOptions);

    public static readonly ConfigValueType<string> TenantRegex = new(
        $"a valid regular expression with a group named '{TenantPattern.TenantGroup}', e.g. ^(?P<tenant>[^:]+):",
        TryParseTenantRegex,
        Identity);

    public static readonly ConfigValueType<string> TenantNoMatch = new(
        "reject, username or literal:<tenant id>",
        (string text, out string value) => TenantNoMatchPolicy.TryParse(value = text, out _),
        Identity);

    /// <summary>Family names are conventionally lower-case ("geo").</summary>
    public static readonly ConfigValueType<List<string>> FamilyNames = NameList(name => name.ToLowerInvariant());

    /// <summary>Command names are conventionally upper-case ("FLUSHALL").</summary>
    public static readonly ConfigValueType<List<string>> CommandNames = NameList(name => name.ToUpperInvariant());

    private static string Identity(string value) => value;

    private static ConfigValueType<int> IntBetween(string expected, int min, int max) => new(
        expected,
        (string text, out int value) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max,
        value => value.ToString(CultureInfo.InvariantCulture));

    private static bool TryParseBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "1":
                value = true;
                return true;
            case "false" or "no" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static ConfigValueType<string> Address(string expected, int minPort) => new(
        expected,
        (string text, out string value) => HostPort.TryParse(value = text, out var address) && address.Port >= minPort,
        Identity);

    private static bool TryParseConnectionOptions(string text, out string value)
    {
        value = text;
        try
        {
            _ = new MySqlConnectionStringBuilder(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool TryParseTenantRegex(string text, out string value)
    {
        value = text;
        try
        {
            return TenantPattern.CompileTenantRegex(text).GetGroupNames().Contains(TenantPattern.TenantGroup);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static ConfigValueType<List<string>> NameList(Func<string, string> normalize) => new(
        "a comma-separated list of names",
        (string text, out List<string> value) =>
        {
            value = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(normalize)
                .Distinct()
                .ToList();
            return true;
        },
        value => string.Join(',', value),
        AcceptsEmpty: true,
        IsList: true);
}
