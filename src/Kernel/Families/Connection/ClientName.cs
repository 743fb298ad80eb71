using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Connection;

/// <summary>Redis's rule for connection names: no spaces, newlines or other special characters.</summary>
public static class ClientName
{
    public static string Validate(string name)
    {
        foreach (var c in name)
        {
            if (c < '!' || c > '~')
                throw RedisException.Err("Client names cannot contain spaces, newlines or special characters.");
        }
        return name;
    }
}
