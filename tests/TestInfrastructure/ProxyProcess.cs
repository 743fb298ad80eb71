using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>
/// The proxy (<see cref="RepoPaths.KernelDll"/>) running as a child process
/// (<c>dotnet RedisOnMySql.Kernel.dll</c>) on a free port of 127.0.0.1, talking to
/// <see cref="MariaDbServer.Shared"/>. Inherited REDIS_MYSQL_* variables are not passed on,
/// so only what the test sets configures it.
/// </summary>
public sealed class ProxyProcess : IAsyncDisposable
{
    private static readonly string[] RemovedEnvPrefixes = { "REDIS_MYSQL_" };
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public int Port { get; }

    /// <summary>"127.0.0.1:port".</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>The environment the proxy was started with (only the variables the fixture set).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Everything the proxy wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Exit code once exited, else null.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public int ProcessId => _process.Id;

    private ProxyProcess(Process process, int port, IReadOnlyDictionary<string, string> env)
    {
        _process = process;
        Port = port;
        Environment = env;
    }

    /// <summary>
    /// Starts the proxy with REDIS_MYSQL_BIND=127.0.0.1:&lt;port&gt; (a free port unless given),
    /// REDIS_MYSQL_ADDR=<see cref="MariaDbServer.Shared"/>, REDIS_MYSQL_DATABASE=database, then
    /// <paramref name="extraEnv"/> (which may override those), and waits until a raw PING gets
    /// +PONG or NOAUTH (30 s). Throws with the proxy's output if it exits or never answers.
    /// </summary>
    public static async Task<ProxyProcess> StartAsync(
        string database, IDictionary<string, string>? extraEnv = null, int? port = null)
    {
        var server = MariaDbServer.Shared;
        Exception? last = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var chosenPort = port ?? MariaDbServer.FreeTcpPort();
            var env = new Dictionary<string, string>
            {
                ["REDIS_MYSQL_BIND"] = $"127.0.0.1:{chosenPort}",
                ["REDIS_MYSQL_ADDR"] = server.Address,
                ["REDIS_MYSQL_DATABASE"] = database,
            };
            if (extraEnv != null)
                foreach (var (k, v) in extraEnv) env[k] = v;
            if (extraEnv != null && extraEnv.TryGetValue("REDIS_MYSQL_BIND", out var bind)
                && int.TryParse(bind.AsSpan(bind.LastIndexOf(':') + 1), out var bindPort))
                chosenPort = bindPort;

            var proxy = Launch(new[] { KernelDllChecked() }, env, chosenPort);
            try
            {
                await proxy.WaitUntilReadyAsync(StartTimeout);
                return proxy;
            }
            catch (Exception ex)
            {
                last = ex;
                await proxy.DisposeAsync();
                // Retry only when a free port was picked for us and someone else took it.
                if (port != null || !proxy.Output.Contains("in use", StringComparison.OrdinalIgnoreCase))
                    throw;
            }
        }
        throw last!;
    }

    /// <summary>
    /// Runs <c>dotnet RedisOnMySql.Kernel.dll &lt;args&gt;</c> with only <paramref name="env"/>
    /// as REDIS_MYSQL_* configuration, waits for it to exit and returns its exit code and
    /// stdout+stderr. Throws <see cref="TimeoutException"/> (after killing it) on timeout.
    /// </summary>
    public static async Task<(int exitCode, string output)> RunToExitAsync(
        IEnumerable<string> args, IDictionary<string, string>? env, TimeSpan timeout)
    {
        var argList = new List<string> { KernelDllChecked() };
        argList.AddRange(args);
        var result = await ProcessRunner.RunAsync(DotnetHost(), argList, timeout,
            env: env, removeEnvPrefixes: RemovedEnvPrefixes, workingDirectory: RepoPaths.RepoRoot);
        return (result.ExitCode, result.Combined);
    }

    /// <summary>
    /// Runs <c>migrate --user root</c> against <see cref="MariaDbServer.Shared"/> for
    /// <paramref name="database"/> (REDIS_MYSQL_ADDR / REDIS_MYSQL_DATABASE set).
    /// </summary>
    public static Task<(int exitCode, string output)> RunMigrateAsync(string database, TimeSpan? timeout = null)
    {
        var server = MariaDbServer.Shared;
        var args = new List<string> { "migrate", "--user", server.RootUser };
        if (!string.IsNullOrEmpty(server.RootPassword)) args.AddRange(new[] { "--password", server.RootPassword });
        return RunToExitAsync(args, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_ADDR"] = server.Address,
            ["REDIS_MYSQL_DATABASE"] = database,
        }, timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>Hard kill (SIGKILL) of the proxy and its children; waits for it to be gone.</summary>
    public void Kill()
    {
        ProcessRunner.TryKillTree(_process);
        try { _process.WaitForExit(10_000); } catch (InvalidOperationException) { }
    }

    /// <summary>Sends SIGTERM and waits up to <paramref name="timeout"/>; true if it exited.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return true;
        SysKill(_process.Id, 15);
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the proxy to exit by itself.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return _process.HasExited;
        }
    }

    /// <summary>Waits until <see cref="Output"/> contains <paramref name="text"/>; false on timeout.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < timeout)
        {
            if (Output.Contains(text, StringComparison.Ordinal)) return true;
            await Task.Delay(50);
        }
        return Output.Contains(text, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        else await WaitForExitAsync(TimeSpan.FromSeconds(5)); // flush output events
        Tracked.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    public override string ToString() => $"proxy pid {_process.Id} on {Endpoint}";

    // ---------------------------------------------------------------- internals

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Process> Tracked = new();

    static ProxyProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var p in Tracked.Values) ProcessRunner.TryKillTree(p);
        };
    }

    private static ProxyProcess Launch(IEnumerable<string> args, Dictionary<string, string> env, int port)
    {
        var psi = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = RepoPaths.RepoRoot,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        ProcessRunner.ApplyEnvironment(psi, env, RemovedEnvPrefixes);

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var proxy = new ProxyProcess(process, port, env);
        process.OutputDataReceived += (_, e) => proxy.Append(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
        process.Start();
        Tracked[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return proxy;
    }

    private void Append(string? line)
    {
        if (line == null) return;
        lock (_output) _output.Append(line).Append('\n');
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        string lastError = "";
        while (sw.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                await WaitForExitAsync(TimeSpan.FromSeconds(2));
                throw new InvalidOperationException(
                    $"The proxy exited with code {_process.ExitCode} before answering PING on {Endpoint}.\n" +
                    $"--- proxy output ---\n{Output}");
            }
            try
            {
                if (await PingAsync(TimeSpan.FromSeconds(2))) return;
                lastError = "no +PONG";
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException or OperationCanceledException)
            {
                lastError = ex.Message;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException(
            $"The proxy did not answer PING on {Endpoint} within {timeout.TotalSeconds:0} s (last: {lastError}).\n" +
            $"--- proxy output ---\n{Output}");
    }

    private async Task<bool> PingAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cts.Token);
        var stream = client.GetStream();
        await stream.WriteAsync("*1\r\n$4\r\nPING\r\n"u8.ToArray(), cts.Token);
        var buffer = new byte[64];
        var received = 0;
        while (received < 7)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(received), cts.Token);
            if (n == 0) break;
            received += n;
        }
        // Before AUTH the proxy answers NOAUTH, as Redis with a password does; either reply means it is serving.
        var reply = Encoding.ASCII.GetString(buffer, 0, received);
        return reply.StartsWith("+PONG\r\n", StringComparison.Ordinal) || reply.StartsWith("-NOAUTH", StringComparison.Ordinal);
    }

    private static string KernelDllChecked()
    {
        var dll = RepoPaths.KernelDll;
        if (!File.Exists(dll))
            throw new FileNotFoundException(
                $"The proxy is not built: {dll} is missing. Build the solution in {RepoPaths.Configuration} first.", dll);
        return dll;
    }

    /// <summary>The dotnet host that runs the tests (DOTNET_HOST_PATH), else dotnet on PATH.</summary>
    public static string DotnetHost()
    {
        var host = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = System.Environment.ProcessPath;
        if (self != null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return ProcessRunner.FindExecutable("dotnet");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int sig);
}
