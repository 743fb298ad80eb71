using MySqlConnector;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Infrastructure;

public class MariaDbServerTests
{
    private static MariaDbServer Server => MariaDbServer.Shared;

    [Fact]
    public void Shared_server_answers_queries()
    {
        using var conn = Server.OpenRootConnection();
        using var cmd = new MySqlCommand("SELECT 1 + 1", conn);
        Assert.Equal(2L, Convert.ToInt64(cmd.ExecuteScalar()));
        Assert.Equal($"{Server.Host}:{Server.Port}", Server.Address);
        Assert.Same(Server, MariaDbServer.Shared);
    }

    [Fact]
    public void Throwaway_server_keeps_durable_commits()
    {
        if (!Server.IsThrowaway) return;
        using var conn = Server.OpenRootConnection();
        using var cmd = new MySqlCommand("SELECT @@innodb_flush_log_at_trx_commit, @@max_connections, @@bind_address", conn);
        using var reader = cmd.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(1L, Convert.ToInt64(reader.GetValue(0)));
        Assert.Equal(2000L, Convert.ToInt64(reader.GetValue(1)));
        Assert.Equal("127.0.0.1", reader.GetString(2));
    }

    [Fact]
    public void CreateDatabase_creates_a_fresh_uniquely_named_database()
    {
        var a = Server.CreateDatabase();
        var b = Server.CreateDatabase();
        Assert.NotEqual(a, b);
        Assert.StartsWith("rt_", a);

        using var conn = Server.OpenRootConnection(a);
        using (var cmd = new MySqlCommand("SELECT DATABASE()", conn))
            Assert.Equal(a, cmd.ExecuteScalar());

        // Every migration file ran: with no migrations the database is empty, otherwise it has tables.
        using (var cmd = new MySqlCommand(
                   "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = @db", conn))
        {
            cmd.Parameters.AddWithValue("@db", a);
            var tables = Convert.ToInt64(cmd.ExecuteScalar());
            if (RepoPaths.MigrationFiles().Count == 0) Assert.Equal(0, tables);
            else Assert.True(tables > 0, "migrations created no tables");
        }
    }

    [Fact]
    public void CreateDatabase_with_a_name_replaces_an_existing_database()
    {
        var name = "rt_named_" + Guid.NewGuid().ToString("N")[..6];
        Server.CreateDatabase(name);
        using (var conn = Server.OpenRootConnection(name))
        using (var cmd = new MySqlCommand("CREATE TABLE leftover (id INT)", conn))
            cmd.ExecuteNonQuery();

        Assert.Equal(name, Server.CreateDatabase(name));
        using (var conn = Server.OpenRootConnection(name))
        using (var cmd = new MySqlCommand(
                   "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'leftover'", conn))
            Assert.Equal(0L, Convert.ToInt64(cmd.ExecuteScalar()));
        Server.DropDatabase(name);
    }

    [Fact]
    public void CreateUser_lets_a_user_with_a_colon_in_the_name_connect_and_use_its_database()
    {
        var db = Server.CreateDatabase();
        var user = $"tenant{Guid.NewGuid():N}"[..14] + ":alice";
        const string password = "p'a\\ss:word";
        Server.CreateUser(user, password, db);
        try
        {
            using var conn = new MySqlConnection(Server.ConnectionString(user, password, db));
            conn.Open();
            using (var cmd = new MySqlCommand("SELECT CURRENT_USER()", conn))
                Assert.Equal(user + "@%", cmd.ExecuteScalar());
            using (var cmd = new MySqlCommand("CREATE TABLE t (v VARBINARY(10)); INSERT INTO t VALUES (0x00FF); SELECT COUNT(*) FROM t", conn))
                Assert.Equal(1L, Convert.ToInt64(cmd.ExecuteScalar()));

            // Calling it again (new password) is allowed and takes effect.
            Server.CreateUser(user, "second", db);
            using var again = new MySqlConnection(Server.ConnectionString(user, "second", db));
            again.Open();
        }
        finally
        {
            Server.DropUser(user);
        }
    }

    [Fact]
    public void Wrong_password_and_dropped_user_are_rejected()
    {
        var db = Server.CreateDatabase();
        var user = $"tenant{Guid.NewGuid():N}"[..14] + ":bob";
        Server.CreateUser(user, "right", db);

        var wrong = Assert.Throws<MySqlException>(() =>
        {
            using var conn = new MySqlConnection(Server.ConnectionString(user, "wrong", db));
            conn.Open();
        });
        Assert.Equal(MySqlErrorCode.AccessDenied, wrong.ErrorCode);

        Server.DropUser(user);
        Server.DropUser(user); // idempotent
        var dropped = Assert.Throws<MySqlException>(() =>
        {
            using var conn = new MySqlConnection(Server.ConnectionString(user, "right", db));
            conn.Open();
        });
        Assert.Equal(MySqlErrorCode.AccessDenied, dropped.ErrorCode);
    }

    [Fact]
    public void A_user_cannot_see_another_users_database()
    {
        var mine = Server.CreateDatabase();
        var other = Server.CreateDatabase();
        var user = $"tenant{Guid.NewGuid():N}"[..14] + ":carol";
        Server.CreateUser(user, "pw", mine);
        try
        {
            var ex = Assert.Throws<MySqlException>(() =>
            {
                using var conn = new MySqlConnection(Server.ConnectionString(user, "pw", other));
                conn.Open();
            });
            Assert.Equal(MySqlErrorCode.DatabaseAccessDenied, ex.ErrorCode);
        }
        finally
        {
            Server.DropUser(user);
        }
    }

    [Fact]
    public void ApplySqlFile_runs_a_file_through_the_mariadb_client()
    {
        var db = Server.CreateDatabase();
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "CREATE TABLE kv (k VARBINARY(16) PRIMARY KEY, v TEXT) ENGINE=InnoDB;\n" +
                                    "INSERT INTO kv VALUES ('a', 'ünïcode');\n");
            Server.ApplySqlFile(db, file);
            using var conn = Server.OpenRootConnection(db);
            using var cmd = new MySqlCommand("SELECT v FROM kv WHERE k = 'a'", conn);
            Assert.Equal("ünïcode", cmd.ExecuteScalar());

            File.WriteAllText(file, "THIS IS NOT SQL;\n");
            var ex = Assert.Throws<InvalidOperationException>(() => Server.ApplySqlFile(db, file));
            Assert.Contains(file, ex.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
