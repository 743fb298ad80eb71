namespace RedisOnMySql.Kernel.Configuration;

/// <summary>Parses a config value written as text; false means the text is not a valid value.</summary>
internal delegate bool ValueParser<T>(string text, out T value);

/// <summary>
/// What kind of value a config key holds: how its text is parsed, what a valid value looks
/// like (for error messages) and how it is shown in the startup log.
/// </summary>
/// <param name="Expected">Completes "expected …" in an error message, e.g. "a positive integer".</param>
/// <param name="Format">Turns a parsed value back into config text.</param>
/// <param name="AcceptsEmpty">
/// Whether "" is a meaningful value. Where it is not, an empty environment variable counts
/// as unset, so a blank <c>REDIS_MYSQL_X=</c> line in an env file keeps the default.
/// </param>
/// <param name="IsList">Whether a YAML sequence is accepted; its items are then read like a comma-separated list.</param>
/// <param name="Redact">Hides secrets in text before it reaches a log or an error message.</param>
internal sealed record ConfigValueType<T>(
    string Expected,
    ValueParser<T> Parse,
    Func<T, string> Format,
    bool AcceptsEmpty = false,
    bool IsList = false,
    Func<string, string>? Redact = null);
