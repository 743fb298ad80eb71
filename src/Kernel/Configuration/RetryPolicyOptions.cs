namespace RedisOnMySql.Kernel.Configuration;

/// <summary>Retry of a statement that hit a deadlock or lock-wait timeout, with exponential backoff.</summary>
public sealed class RetryPolicyOptions
{
    public int MaxAttempts { get; set; }

    public int BackoffBaseMs { get; set; }

    public int BackoffMaxMs { get; set; }

    /// <summary>Total time budget for all attempts; 0 means no deadline.</summary>
    public int DeadlineMs { get; set; }

    /// <summary>Defaults for SET-like writes: few attempts, since a lost race there is rare.</summary>
    public static RetryPolicyOptions StringSetDefaults() =>
        new() { MaxAttempts = 3, BackoffBaseMs = 1, BackoffMaxMs = 16, DeadlineMs = 0 };

    /// <summary>Defaults for INCR-like writes: many attempts, since counters are contended by design.</summary>
    public static RetryPolicyOptions StringIncrDefaults() =>
        new() { MaxAttempts = 64, BackoffBaseMs = 1, BackoffMaxMs = 16, DeadlineMs = 2000 };
}
