namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>How Redis splits the value of a multi-argument parameter (save, bind, client-output-buffer-limit, ...).</summary>
internal static class ConfigArguments
{
    /// <summary>
    /// On every single space, as sdssplitlen does: "" has no arguments, and two spaces in a row make an empty one
    /// (which the parameter then refuses or reads as 0, as Redis does).
    /// </summary>
    public static string[] Split(string value) => value.Length == 0 ? [] : value.Split(' ');
}
