namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>The <see cref="ConfigApply"/> steps Redis 7.0 runs after a change that can still adjust or refuse it here.</summary>
internal static class ConfigApplies
{
    private const string TlsUnavailable = "Unable to update TLS configuration. Check server logs.";

    private const string ListenAddressIsTheProxys =
        "not supported by redis-on-mysql: the proxy listens where its bind_addr setting says";

    /// <summary>Redis takes hz as a hint and keeps it within 1 and 500.</summary>
    public static readonly ConfigApply Hz = new(values =>
    {
        var hz = RedisConfigTable.Find("hz");
        values[hz] = Math.Clamp((long)values[hz], 1, 500);
        return null;
    });

    /// <summary>
    /// Redis reloads its TLS context after a TLS setting changed, which fails when TLS is wanted (a TLS port, TLS
    /// replication or cluster bus) and no certificate loads; the proxy has no TLS, so that is always the case.
    /// </summary>
    public static readonly ConfigApply TlsContext = new(values =>
        (long)values[RedisConfigTable.Find("tls-port")] != 0
        || (bool)values[RedisConfigTable.Find("tls-replication")]
        || (bool)values[RedisConfigTable.Find("tls-cluster")]
            ? TlsUnavailable
            : null);

    /// <summary>A new TLS port needs a TLS context first: none can be made here.</summary>
    public static readonly ConfigApply TlsPort = new(_ => TlsUnavailable);

    /// <summary>Redis would listen on the new port; the proxy's listener is its own configuration's.</summary>
    public static readonly ConfigApply ListenPort = new(_ => ListenAddressIsTheProxys);

    /// <summary>Redis would bind the new addresses; the proxy's listener is its own configuration's.</summary>
    public static readonly ConfigApply BindAddresses = new(_ => ListenAddressIsTheProxys);
}
