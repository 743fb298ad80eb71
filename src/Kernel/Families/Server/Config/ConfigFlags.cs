namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>What Redis 7.0 lets CONFIG do with a parameter.</summary>
[Flags]
internal enum ConfigFlags
{
    None = 0,

    /// <summary>Set at startup only: CONFIG SET answers "can't set immutable config".</summary>
    Immutable = 1 << 0,

    /// <summary>
    /// Settable only with enable-protected-configs, which is immutable and "no" here, so CONFIG SET always answers
    /// "can't set protected config".
    /// </summary>
    Protected = 1 << 1,

    /// <summary>Left out of CONFIG GET patterns (Redis's testing knobs); an exact name still finds it.</summary>
    Hidden = 1 << 2,
}
