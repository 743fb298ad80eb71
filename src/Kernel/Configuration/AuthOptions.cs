namespace RedisOnMySql.Kernel.Configuration;

/// <summary>How AUTH user names map to tenants, and the credentials used for clients that never AUTH.</summary>
public sealed class AuthOptions
{
    /// <summary>Python-style regex with a group named <c>tenant</c>; compile it with <see cref="TenantPattern.CompileTenantRegex"/>.</summary>
    public string TenantRegex { get; set; } = "^(?P<tenant>[^:]+):";

    /// <summary><c>reject</c>, <c>username</c> or <c>literal:&lt;id&gt;</c>; see <see cref="TenantNoMatchPolicy"/>.</summary>
    public string TenantNoMatch { get; set; } = "username";

    /// <summary>Empty means no default credentials: clients must AUTH.</summary>
    public string DefaultUser { get; set; } = "";

    public string DefaultPassword { get; set; } = "";

    /// <summary>
    /// The proxy's own MySQL credentials, for work it does on no client's behalf (the cluster node's heartbeat, the
    /// sweepers). Empty means it borrows auth.default_user's, else those of a client that signed in.
    /// </summary>
    public string ProxyUser { get; set; } = "";

    public string ProxyPassword { get; set; } = "";
}
