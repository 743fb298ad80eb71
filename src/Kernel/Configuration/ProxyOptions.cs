namespace RedisOnMySql.Kernel.Configuration;

/// <summary>
/// The whole effective configuration. Defaults are the seed's; <see cref="ConfigLoader"/>
/// layers the YAML file and the environment on top.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>"host:port" the RESP server listens on; see <see cref="HostPort"/>.</summary>
    public string BindAddr { get; set; } = "0.0.0.0:6380";

    /// <summary>"host:port" of MySQL; see <see cref="HostPort"/>.</summary>
    public string MysqlAddr { get; set; } = "127.0.0.1:3306";

    public string MysqlDatabase { get; set; } = "redis";

    /// <summary>Extra MySqlConnector connection-string options, e.g. "SslMode=None;".</summary>
    public string MysqlOptions { get; set; } = "";

    /// <summary>Logical databases a client may SELECT (0 to Databases - 1).</summary>
    public int Databases { get; set; } = 16;

    public AuthOptions Auth { get; set; } = new();

    public PoolOptions Pool { get; set; } = new();

    public CleanupOptions Cleanup { get; set; } = new();

    public PubsubOptions Pubsub { get; set; } = new();

    public EventsOptions Events { get; set; } = new();

    public ClusterOptions Cluster { get; set; } = new();

    public RetryPolicyOptions StringSetRetry { get; set; } = RetryPolicyOptions.StringSetDefaults();

    public RetryPolicyOptions StringIncrRetry { get; set; } = RetryPolicyOptions.StringIncrDefaults();

    public ServerOptions Server { get; set; } = new();

    public FamiliesOptions Families { get; set; } = new();

    public CommandsOptions Commands { get; set; } = new();

    public PluginsOptions Plugins { get; set; } = new();

    /// <summary>One "key = value" line per setting, secrets masked, for the startup log.</summary>
    public IReadOnlyList<string> Describe() =>
        ConfigEntries.All.Select(entry => $"{entry.YamlPath} = {entry.Describe(this)}").ToList();
}
