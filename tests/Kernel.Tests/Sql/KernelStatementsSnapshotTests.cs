using RedisOnMySql.Kernel.Background;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Proxies;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Sql;

public class KernelStatementsSnapshotTests
{
    [Fact]
    public void Every_kernel_statement_matches_the_approved_snapshot() =>
        SqlSnapshot.Verify([typeof(KeyspaceStatements), typeof(ExpiredKeySweeper), typeof(EventStatements), typeof(ProxyStatements),
            typeof(LookupEvents), typeof(Kernel.Transactions.WatchStatements)],
            [KeyspaceStatements.UpsertStrings(1), KeyspaceStatements.UpsertStrings(4), KeyspaceStatements.InsertStrings(1),
             KeyspaceStatements.InsertStrings(3), EventStatements.AfterWithGaps(1), EventStatements.AfterWithGaps(4),
             ProxyStatements.DeleteOwn(new SqlTable("pubsub_subscriptions", TableScope.Tenant)),
             ProxyStatements.DeleteOrphans(new SqlTable("pubsub_subscriptions", TableScope.Tenant)),
             LookupEvents.SelectExpiries(1), LookupEvents.SelectExpiries(4), KeyspaceStatements.Touch(1), KeyspaceStatements.Touch(4),
             Kernel.Transactions.WatchStatements.Read(1), Kernel.Transactions.WatchStatements.Lock(2)]);
}
