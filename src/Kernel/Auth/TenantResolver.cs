using System.Text;
using System.Text.RegularExpressions;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.Auth;

/// <summary>
/// Derives the tenant from a MySQL user name: the regex's named group "tenant", else the no-match policy
/// (reject, use the whole user name, or a literal tenant id).
/// </summary>
public sealed class TenantResolver(Regex regex, TenantNoMatchPolicy noMatch)
{
    /// <summary>The tenant id, or null when the policy rejects the user or the id would not fit the schema.</summary>
    public string? Resolve(string user)
    {
        var tenant = TenantPattern.ExtractTenant(regex, user);
        if (string.IsNullOrEmpty(tenant))
        {
            tenant = noMatch.Action switch
            {
                TenantNoMatchAction.Username => user,
                TenantNoMatchAction.Literal => noMatch.LiteralTenant,
                _ => null,
            };
        }
        if (tenant != null && Encoding.UTF8.GetByteCount(tenant) > KeyspaceLimits.MaxTenantBytes) return null;
        return tenant;
    }
}
