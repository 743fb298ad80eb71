using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// Coalesces the merged plans of every client of one pool, tenant, db and <see cref="PlanMerge"/>: a request starts
/// a statement at once when none is in flight; otherwise it queues, and the next
/// statement carries everything that queued meanwhile. Nothing waits for a timer, so a lone client pays no delay.
/// A batch binds at most <see cref="InListShape.MaxPerStatement"/> values, except a single request that has more.
/// </summary>
internal sealed class PlanQueue(SqlExecutor executor, PlanMerge merge)
{
    /// <summary>
    /// One: measured at 50 clients (GET and SET, bench/), one statement in flight gave the largest batches and the
    /// most requests per second; two or four in flight cost MySQL and the proxy more CPU per request.
    /// </summary>
    private const int MaxInFlight = 1;

    private readonly Lock _gate = new();
    private readonly Queue<Waiter> _waiting = new();
    private int _inFlight;

    /// <summary>Completes when every plan has been answered through <paramref name="answer"/>, or fails with none answered.</summary>
    public Task RunAsync(IReadOnlyList<CommandPlan> plans, Action<CommandPlan, object?[]?> answer)
    {
        var waiter = new Waiter(plans, answer);
        bool start;
        lock (_gate)
        {
            _waiting.Enqueue(waiter);
            start = _inFlight < MaxInFlight;
            if (start) _inFlight++;
        }
        if (start) _ = DrainAsync();
        return waiter.Done.Task;
    }

    private async Task DrainAsync()
    {
        var batch = new List<Waiter>();
        var plans = new List<CommandPlan>();
        while (true)
        {
            batch.Clear();
            plans.Clear();
            lock (_gate)
            {
                int values = 0;
                while (_waiting.TryPeek(out var next) && (plans.Count == 0 || values + next.ValueCount <= InListShape.MaxPerStatement))
                {
                    batch.Add(_waiting.Dequeue());
                    plans.AddRange(next.Plans);
                    values += next.ValueCount;
                }
                if (batch.Count == 0)
                {
                    _inFlight--;
                    return;
                }
            }
            object?[]?[] rows;
            try
            {
                rows = await executor.RunMergedAsync(merge, plans).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                foreach (var waiter in batch) waiter.Done.TrySetException(e);
                continue;
            }
            int first = 0;
            foreach (var waiter in batch)
            {
                Answer(waiter, rows, first);
                first += waiter.Plans.Length;
            }
        }
    }

    /// <summary>
    /// Writes one client's replies and completes its wait inline: its handler flushes and reads its next request on
    /// this thread instead of a thread-pool hop per client. A failure is that client's alone; the queue goes on.
    /// </summary>
    private static void Answer(Waiter waiter, object?[]?[] rows, int first)
    {
        try
        {
            for (int i = 0; i < waiter.Plans.Length; i++) waiter.Answer(waiter.Plans[i], rows[first + i]);
            waiter.Done.TrySetResult();
        }
        catch (Exception e)
        {
            waiter.Done.TrySetException(e);
        }
    }

    /// <summary>
    /// One request's plans, copied: the caller's list is reused for its next run as soon as it is answered, which
    /// happens inline while this batch is still answering the other waiters.
    /// </summary>
    private sealed class Waiter(IReadOnlyList<CommandPlan> plans, Action<CommandPlan, object?[]?> answer)
    {
        public CommandPlan[] Plans { get; } = [.. plans];
        public int ValueCount { get; } = plans.Sum(p => p.Values.Length);
        public Action<CommandPlan, object?[]?> Answer { get; } = answer;
        public TaskCompletionSource Done { get; } = new();
    }
}
