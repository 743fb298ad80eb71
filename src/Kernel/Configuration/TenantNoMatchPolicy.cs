namespace RedisOnMySql.Kernel.Configuration;

/// <summary>What to do with an AUTH user name that the tenant regex does not match.</summary>
public enum TenantNoMatchAction
{
    /// <summary>Refuse the AUTH.</summary>
    Reject,

    /// <summary>Use the whole user name as the tenant id.</summary>
    Username,

    /// <summary>Use a fixed tenant id.</summary>
    Literal,
}

/// <summary>The parsed form of <see cref="AuthOptions.TenantNoMatch"/>: <c>reject</c>, <c>username</c> or <c>literal:&lt;id&gt;</c>.</summary>
public sealed record TenantNoMatchPolicy(TenantNoMatchAction Action, string? LiteralTenant)
{
    private const string LiteralPrefix = "literal:";

    public static bool TryParse(string text, out TenantNoMatchPolicy policy)
    {
        if (text == "reject")
        {
            policy = new TenantNoMatchPolicy(TenantNoMatchAction.Reject, null);
            return true;
        }

        if (text == "username")
        {
            policy = new TenantNoMatchPolicy(TenantNoMatchAction.Username, null);
            return true;
        }

        if (text.StartsWith(LiteralPrefix, StringComparison.Ordinal) && text.Length > LiteralPrefix.Length)
        {
            policy = new TenantNoMatchPolicy(TenantNoMatchAction.Literal, text[LiteralPrefix.Length..]);
            return true;
        }

        policy = null!;
        return false;
    }

    public static TenantNoMatchPolicy Parse(string text) =>
        TryParse(text, out var policy)
            ? policy
            : throw new FormatException($"'{text}' is not reject, username or literal:<id>");
}
