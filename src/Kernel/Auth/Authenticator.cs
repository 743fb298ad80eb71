using Microsoft.Extensions.Logging;
using MySqlConnector;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Auth;

/// <summary>
/// AUTH: MySQL itself checks the credentials by opening a connection from the user's pool; a pool that already
/// proved the same credentials is trusted without a round trip. Credentials are never stored elsewhere.
/// </summary>
public sealed class Authenticator(BackendPools pools, TenantResolver tenants, RetryPolicies retry, EventFeed events,
    ILogger<Authenticator> logger)
{
    public async Task SignInAsync(ClientSession session, string user, string password)
    {
        // No MySQL account can contain NUL, and the driver refuses it in a connection string.
        if (user.Contains('\0') || password.Contains('\0')) throw new RedisException(RedisErrors.WrongPass);
        var tenant = tenants.Resolve(user)
            ?? throw RedisException.Err($"no tenant can be derived from user name '{user}' (auth.tenant_no_match)");
        var pool = pools.GetOrCreate(user, password);
        if (!pool.Proven)
        {
            try
            {
                await using var connection = new MySqlConnection(pool.ConnectionString);
                await connection.OpenAsync().ConfigureAwait(false);
                pool.Proven = true;
            }
            catch (MySqlException e) when (e.ErrorCode is MySqlErrorCode.AccessDenied or MySqlErrorCode.DatabaseAccessDenied)
            {
                pools.Forget(user, password);
                logger.LogInformation("AUTH refused for user {User}: {Reason}", user, e.Message);
                throw new RedisException(RedisErrors.WrongPass);
            }
            catch (MySqlException e)
            {
                pools.Forget(user, password);
                throw new RedisException(BackendErrors.Describe(e));
            }
        }
        pool.Touch();
        session.SignIn(user, tenant, new SqlExecutor(pool, new SqlScope(tenant, session.Db), retry, events));
    }
}
