using MySqlConnector;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// How a transaction is retried when MySQL aborts it for contention (deadlock, lock-wait timeout, or a
/// concurrent insert of the same key): exponential backoff with jitter, bounded by attempts and a deadline.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, int BackoffBaseMs, int BackoffMaxMs, int DeadlineMs)
{
    /// <summary>
    /// Contention MySQL resolves by aborting one side. A duplicate key only counts inside a transaction, where it means
    /// another client created the row between our locking read and our insert; re-running the work sees that row.
    /// </summary>
    public static bool IsRetryable(MySqlException e, bool inTransaction) => e.ErrorCode is MySqlErrorCode.LockDeadlock
        or MySqlErrorCode.LockWaitTimeout || (inTransaction && e.ErrorCode == MySqlErrorCode.DuplicateKeyEntry);

    public TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(BackoffMaxMs, BackoffBaseMs * (1L << Math.Min(attempt, 20)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextInt64(BackoffBaseMs, Math.Max(BackoffBaseMs, ceiling) + 1));
    }
}

/// <summary>The two policies of the seed: plain writes (string_set_retry) and read-modify-write counters (string_incr_retry).</summary>
public sealed record RetryPolicies(RetryPolicy Set, RetryPolicy Incr);
