using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MySqlConnector;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>
/// A process-wide MariaDB for integration tests. Either the server named by
/// REDIS_MYSQL_TEST_ADDR (host:port, root credentials from REDIS_MYSQL_TEST_USER /
/// REDIS_MYSQL_TEST_PASSWORD), or a throwaway mariadbd started in a temporary data dir on a
/// free port, killed and deleted when the test process exits.
/// </summary>
public sealed class MariaDbServer
{
    private static readonly Lazy<MariaDbServer> LazyShared =
        new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process? _process;
    private readonly string? _dataDir;
    private readonly StringBuilder _processOutput = new();
    private int _stopped;

    /// <summary>The shared server, started on first use.</summary>
    public static MariaDbServer Shared => LazyShared.Value;

    public string Host { get; }
    public int Port { get; }

    /// <summary>"host:port", the form REDIS_MYSQL_ADDR takes.</summary>
    public string Address => $"{Host}:{Port}";

    public string RootUser { get; }
    public string RootPassword { get; }

    /// <summary>True when this process started the server (false for REDIS_MYSQL_TEST_ADDR).</summary>
    public bool IsThrowaway => _process != null;

    /// <summary>Data directory of a throwaway server, otherwise null.</summary>
    public string? DataDirectory => _dataDir;

    private MariaDbServer(string host, int port, string rootUser, string rootPassword,
        Process? process = null, string? dataDir = null)
    {
        Host = host;
        Port = port;
        RootUser = rootUser;
        RootPassword = rootPassword;
        _process = process;
        _dataDir = dataDir;
    }

    private static MariaDbServer Create()
    {
        var external = Environment.GetEnvironmentVariable("REDIS_MYSQL_TEST_ADDR");
        if (!string.IsNullOrWhiteSpace(external))
        {
            var (host, port) = ParseAddress(external.Trim());
            var user = Environment.GetEnvironmentVariable("REDIS_MYSQL_TEST_USER");
            var password = Environment.GetEnvironmentVariable("REDIS_MYSQL_TEST_PASSWORD") ?? "";
            return new MariaDbServer(host, port, string.IsNullOrEmpty(user) ? "root" : user, password);
        }
        return StartThrowaway();
    }

    private static (string host, int port) ParseAddress(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), out var port))
            throw new ArgumentException($"REDIS_MYSQL_TEST_ADDR must be host:port, got '{address}'.");
        return (address[..colon], port);
    }

    // ---------------------------------------------------------------- throwaway server

    private static MariaDbServer StartThrowaway()
    {
        var installDb = ProcessRunner.FindExecutable("mariadb-install-db", "mysql_install_db");
        var mariadbd = ProcessRunner.FindExecutable("mariadbd", "mysqld");
        var osUser = Environment.UserName;
        RemoveStaleDataDirectories();

        Exception? last = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            // One folder per server holding its data, its own tmpdir (concurrent bootstraps sharing /tmp collide on
            // temporary table names, as several test projects starting at once showed), socket and logs.
            var dataDir = Path.Combine(Path.GetTempPath(), "rom-mariadb-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(Path.Combine(dataDir, "data"));
            Directory.CreateDirectory(Path.Combine(dataDir, "tmp"));
            try
            {
                var install = ProcessRunner.RunAsync(installDb, new[]
                {
                    "--no-defaults",
                    $"--datadir={Path.Combine(dataDir, "data")}",
                    $"--tmpdir={Path.Combine(dataDir, "tmp")}",
                    $"--user={osUser}",
                    "--auth-root-authentication-method=normal",
                    "--skip-test-db",
                }, TimeSpan.FromSeconds(120)).GetAwaiter().GetResult();
                if (install.ExitCode != 0)
                    throw new InvalidOperationException(
                        $"mariadb-install-db failed with exit code {install.ExitCode}:\n{Tail(install.Combined, 60)}");

                var port = FreeTcpPort();
                var server = Launch(mariadbd, dataDir, port, osUser);
                try
                {
                    server.WaitUntilAlive(TimeSpan.FromSeconds(60));
                    server.RemoveAnonymousUsers();
                    return server;
                }
                catch
                {
                    server.Stop();
                    throw;
                }
            }
            catch (Exception ex)
            {
                last = ex;
                TryDeleteDirectory(dataDir);
                // Only a lost race for the port is worth another try.
                if (!ex.Message.Contains("already in use", StringComparison.OrdinalIgnoreCase)
                    && !ex.Message.Contains("Can't start server: Bind", StringComparison.OrdinalIgnoreCase))
                    break;
            }
        }
        throw new InvalidOperationException("Could not start a throwaway MariaDB: " + last?.Message, last);
    }

    private static MariaDbServer Launch(string mariadbd, string dataDir, int port, string osUser)
    {
        var psi = new ProcessStartInfo(mariadbd)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "--no-defaults",
            $"--datadir={Path.Combine(dataDir, "data")}",
            $"--tmpdir={Path.Combine(dataDir, "tmp")}",
            $"--socket={Path.Combine(dataDir, "sock")}",
            $"--pid-file={Path.Combine(dataDir, "mariadbd.pid")}",
            $"--log-error={Path.Combine(dataDir, "mariadbd.err")}",
            $"--port={port}",
            "--bind-address=127.0.0.1",
            $"--user={osUser}",
            "--skip-log-bin",
            "--innodb-buffer-pool-size=256M",
            "--max-connections=2000",
            "--max-allowed-packet=64M",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = psi };
        process.Start();
        process.StandardInput.Close();

        // Kills mariadbd and removes the data dir if this test process dies without running
        // its ProcessExit handlers (e.g. killed by a hang timeout).
        ProcessWatchdog.Start(process, dataDir, "rom-mariadb-watchdog");

        var server = new MariaDbServer("127.0.0.1", port, "root", "", process, dataDir);
        process.OutputDataReceived += (_, e) => server.AppendOutput(e.Data);
        process.ErrorDataReceived += (_, e) => server.AppendOutput(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void AppendOutput(string? line)
    {
        if (line == null) return;
        lock (_processOutput) _processOutput.AppendLine(line);
    }

    private void WaitUntilAlive(TimeSpan timeout)
    {
        var admin = ProcessRunner.FindExecutable("mariadb-admin", "mysqladmin");
        var sw = Stopwatch.StartNew();
        string lastOutput = "";
        while (sw.Elapsed < timeout)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException(
                    $"mariadbd exited with code {_process.ExitCode} during startup.\n{ServerLogTail()}");
            try
            {
                var ping = ProcessRunner.RunAsync(admin, new[]
                {
                    "--no-defaults", "--protocol=tcp", "-h127.0.0.1", $"-P{Port}", "-uroot",
                    "--connect-timeout=2", "ping",
                }, TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
                if (ping.ExitCode == 0) return;
                lastOutput = ping.Combined;
            }
            catch (TimeoutException ex)
            {
                lastOutput = ex.Message;
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException(
            $"MariaDB on port {Port} did not answer mariadb-admin ping within {timeout.TotalSeconds:0} s. " +
            $"Last ping output: {lastOutput}\n{ServerLogTail()}");
    }

    private void RemoveAnonymousUsers()
    {
        // An anonymous ''@'localhost' account would shadow 'user'@'%' for local TCP logins.
        using var conn = OpenRootConnection();
        var anonymous = new List<string>();
        using (var cmd = new MySqlCommand("SELECT Host FROM mysql.user WHERE User = ''", conn))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read()) anonymous.Add(reader.GetString(0));
        }
        foreach (var host in anonymous)
        {
            using var drop = new MySqlCommand($"DROP USER IF EXISTS ''@{QuoteString(host)}", conn);
            drop.ExecuteNonQuery();
        }
    }

    /// <summary>The last lines of the throwaway server's error log and console output.</summary>
    public string ServerLogTail(int lines = 60)
    {
        var sb = new StringBuilder();
        if (_dataDir != null)
        {
            var log = Path.Combine(_dataDir, "mariadbd.err");
            try
            {
                if (File.Exists(log))
                    sb.Append("--- mariadbd.err (tail) ---\n").Append(Tail(File.ReadAllText(log), lines)).Append('\n');
            }
            catch (IOException) { }
        }
        string output;
        lock (_processOutput) output = _processOutput.ToString();
        if (output.Length > 0)
            sb.Append("--- mariadbd stdout/stderr (tail) ---\n").Append(Tail(output, lines)).Append('\n');
        return sb.ToString();
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        if (_process != null)
        {
            ProcessRunner.TryKillTree(_process);
            try { _process.WaitForExit(5000); } catch (InvalidOperationException) { }
        }
        if (_dataDir != null) TryDeleteDirectory(_dataDir);
    }

    // ---------------------------------------------------------------- databases and users

    /// <summary>Connection string for any user (root when user is null).</summary>
    public string ConnectionString(string? user = null, string? password = null, string? database = null)
    {
        var b = new MySqlConnectionStringBuilder
        {
            Server = Host,
            Port = (uint)Port,
            UserID = user ?? RootUser,
            Password = user == null ? RootPassword : password ?? "",
            AllowPublicKeyRetrieval = true,
            ConnectionTimeout = 10,
            DefaultCommandTimeout = 120,
        };
        if (!string.IsNullOrEmpty(database)) b.Database = database;
        return b.ConnectionString;
    }

    /// <summary>An open root connection, optionally with a default database.</summary>
    public MySqlConnection OpenRootConnection(string? database = null)
    {
        var conn = new MySqlConnection(ConnectionString(database: database));
        conn.Open();
        return conn;
    }

    /// <summary>An open root connection, optionally with a default database.</summary>
    public async Task<MySqlConnection> OpenRootConnectionAsync(string? database = null)
    {
        var conn = new MySqlConnection(ConnectionString(database: database));
        await conn.OpenAsync();
        return conn;
    }

    /// <summary>
    /// Creates a fresh database (default name <c>rt_&lt;8 hex&gt;</c>; an existing database of the
    /// given name is dropped first) and applies every migration file to it with the
    /// <c>mariadb</c> command-line client, in <see cref="RepoPaths.MigrationFiles"/> order.
    /// Returns the database name.
    /// </summary>
    public string CreateDatabase(string? name = null)
    {
        name ??= "rt_" + Guid.NewGuid().ToString("N")[..8];
        using (var conn = OpenRootConnection())
        {
            Execute(conn, $"DROP DATABASE IF EXISTS {QuoteIdentifier(name)}");
            Execute(conn, $"CREATE DATABASE {QuoteIdentifier(name)}");
        }
        foreach (var file in RepoPaths.MigrationFiles())
            ApplySqlFile(name, file);
        return name;
    }

    /// <summary>Drops a database if it exists.</summary>
    public void DropDatabase(string name)
    {
        using var conn = OpenRootConnection();
        Execute(conn, $"DROP DATABASE IF EXISTS {QuoteIdentifier(name)}");
    }

    /// <summary>Feeds one SQL file to <c>mariadb --protocol=tcp ... &lt;database&gt;</c> as root.</summary>
    public void ApplySqlFile(string database, string file)
    {
        var client = ProcessRunner.FindExecutable("mariadb", "mysql");
        var env = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(RootPassword)) env["MYSQL_PWD"] = RootPassword;
        var result = ProcessRunner.RunAsync(client, new[]
        {
            "--no-defaults",
            "--protocol=tcp",
            $"-h{Host}",
            $"-P{Port}",
            $"-u{RootUser}",
            "--default-character-set=utf8mb4",
            database,
        }, TimeSpan.FromSeconds(120), stdin: File.ReadAllBytes(file), env: env).GetAwaiter().GetResult();
        if (result.ExitCode != 0)
            throw new InvalidOperationException(
                $"Applying migration {file} to database '{database}' failed (exit code {result.ExitCode}):\n{result.Combined}");
    }

    /// <summary>
    /// Creates (or re-passwords) MySQL user <paramref name="user"/>@'%' and grants it all
    /// privileges on <paramref name="database"/>. User names may contain ':' or quotes.
    /// </summary>
    public void CreateUser(string user, string password, string database)
    {
        var account = $"{QuoteString(user)}@'%'";
        using var conn = OpenRootConnection();
        Execute(conn, $"CREATE USER IF NOT EXISTS {account} IDENTIFIED BY {QuoteString(password)}");
        Execute(conn, $"ALTER USER {account} IDENTIFIED BY {QuoteString(password)}");
        Execute(conn, $"GRANT ALL PRIVILEGES ON {QuoteIdentifier(database)}.* TO {account}");
    }

    /// <summary>Drops user@'%' if it exists.</summary>
    public void DropUser(string user)
    {
        using var conn = OpenRootConnection();
        Execute(conn, $"DROP USER IF EXISTS {QuoteString(user)}@'%'");
    }

    /// <summary>Quotes a string literal for SQL (backslash and quote escaped).</summary>
    public static string QuoteString(string value) =>
        "'" + value.Replace("\\", "\\\\").Replace("'", "''").Replace("\0", "\\0") + "'";

    /// <summary>Quotes an identifier with backticks.</summary>
    public static string QuoteIdentifier(string name) => "`" + name.Replace("`", "``") + "`";

    private static void Execute(MySqlConnection conn, string sql)
    {
        using var cmd = new MySqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    internal static string Tail(string text, int lines)
    {
        var all = text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    /// <summary>
    /// Folders of servers that died without removing them: the test runner can kill a test host together with its
    /// children, watchdog included, and each folder holds about 200 MB. A folder goes when its pid file names a
    /// process that is no longer a mariadbd, or when it has no pid file and is older than ten minutes (a bootstrap
    /// that never started); a folder whose pid file cannot be read yet is left alone.
    /// </summary>
    private static void RemoveStaleDataDirectories()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), "rom-mariadb-*"))
        {
            var pidFile = Path.Combine(dir, "mariadbd.pid");
            bool stale;
            try
            {
                stale = File.Exists(pidFile)
                    ? int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid) && !IsMariaDb(pid)
                    : Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddMinutes(-10);
            }
            catch (IOException)
            {
                continue;
            }
            if (stale) TryDeleteDirectory(dir);
        }
    }

    private static bool IsMariaDb(int pid)
    {
        try
        {
            var command = File.ReadAllText($"/proc/{pid}/cmdline");
            return command.Contains("mariadbd", StringComparison.Ordinal) || command.Contains("mysqld", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void TryDeleteDirectory(string dir)
    {
        for (var i = 0; i < 5; i++)
        {
            try
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
                return;
            }
            catch (IOException) { Thread.Sleep(100); }
            catch (UnauthorizedAccessException) { return; }
        }
    }
}
