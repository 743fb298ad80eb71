namespace RedisOnMySql.Kernel.Transactions;

/// <summary>
/// A key WATCH saw in <paramref name="Db"/>: its row's version then (null when it had none), and whether it had expired
/// already, in which case its later deletion is no change, as in Redis 7.0.
/// </summary>
public sealed record WatchedKey(int Db, byte[] Key, KeyVersion? Seen, bool ExpiredAtWatch)
{
    /// <summary>Whether the key changed since WATCH, given its row's version now (null: no row) at <paramref name="nowMs"/>.</summary>
    public bool ChangedSince(KeyVersion? now, long nowMs)
    {
        if (Seen is not { } seen) return now is not null;
        bool same = now is not null && now.Id == seen.Id && now.Ver == seen.Ver;
        if (ExpiredAtWatch) return now is not null && !same;
        return !same || now!.ExpiresAt <= nowMs;
    }
}
