namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>How a parameter's CONFIG SET value is read (with Redis's checks and error texts) and how CONFIG GET prints it.</summary>
internal abstract class ConfigType
{
    /// <summary>
    /// Reads <paramref name="argument"/>, which replaces <paramref name="current"/> (client-output-buffer-limit keeps the
    /// classes a value does not name).
    /// </summary>
    public abstract ConfigParse Parse(string argument, object current);

    /// <summary>The value as CONFIG GET answers it (Redis's normalized form: "1gb" is answered 1073741824).</summary>
    public abstract string Format(object value);
}
