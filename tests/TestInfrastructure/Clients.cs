using StackExchange.Redis;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>StackExchange.Redis connections to a proxy on 127.0.0.1.</summary>
public static class Clients
{
    /// <summary>
    /// The options <see cref="ConnectAsync"/> uses: RESP2, user/password (AUTH user password),
    /// 10 s connect/sync/async timeouts, admin commands allowed, no tie-breaker key and no
    /// configuration-change channel (so the client sends only what tests ask for).
    /// </summary>
    public static ConfigurationOptions Options(int port, string user, string password)
    {
        var options = new ConfigurationOptions
        {
            User = user,
            Password = password,
            Protocol = RedisProtocol.Resp2,
            AbortOnConnectFail = true,
            ConnectTimeout = 10_000,
            SyncTimeout = 10_000,
            AsyncTimeout = 10_000,
            AllowAdmin = true,
            TieBreaker = "",
            ConfigurationChannel = "",
            ConnectRetry = 1,
            ClientName = "redis-on-mysql-tests",
        };
        options.EndPoints.Add("127.0.0.1", port);
        return options;
    }

    /// <summary>Connects with <see cref="Options"/>, optionally adjusted by <paramref name="configure"/>.</summary>
    public static Task<ConnectionMultiplexer> ConnectAsync(
        int port, string user, string password, Action<ConfigurationOptions>? configure = null)
    {
        var options = Options(port, user, password);
        configure?.Invoke(options);
        return ConnectionMultiplexer.ConnectAsync(options);
    }
}
