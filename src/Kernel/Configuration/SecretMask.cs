namespace RedisOnMySql.Kernel.Configuration;

/// <summary>Hides secrets in config text shown in logs and error messages.</summary>
internal static class SecretMask
{
    public const string Mask = "***";

    /// <summary>An empty secret stays visible as empty, so "no password configured" can be told apart.</summary>
    public static string MaskSecret(string secret) => secret.Length == 0 ? "" : Mask;

    /// <summary>Masks the value of every <c>password=</c> / <c>pwd=</c> option in a connection string.</summary>
    public static string MaskConnectionOptions(string options)
    {
        var parts = options.Split(';');
        for (var i = 0; i < parts.Length; i++)
        {
            var equals = parts[i].IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var key = parts[i][..equals].Trim();
            if (key.Equals("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase))
            {
                parts[i] = parts[i][..(equals + 1)] + Mask;
            }
        }

        return string.Join(';', parts);
    }
}
