using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>
/// A process-wide throwaway redis-server, the reference the differential tests compare the proxy with: started on
/// first use on a free port of 127.0.0.1 with no config file and no persistence, killed (and its folder deleted) when
/// the test process exits, or by a watchdog when the test process is killed.
/// </summary>
public sealed class RedisServer
{
    private static readonly Lazy<RedisServer> LazyShared = new(StartThrowaway, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();
    private int _stopped;

    /// <summary>The shared server, started on first use.</summary>
    public static RedisServer Shared => LazyShared.Value;

    public int Port { get; }

    /// <summary>Everything redis-server wrote to stdout and stderr so far (its log goes to stdout).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private RedisServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    private static RedisServer StartThrowaway()
    {
        var binary = ProcessRunner.FindExecutable("redis-server");
        Exception? last = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "rom-redis-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(folder);
            var server = Launch(binary, folder, MariaDbServer.FreeTcpPort());
            try
            {
                server.WaitUntilReady();
                return server;
            }
            catch (Exception ex)
            {
                last = ex;
                server.Stop();
                // Only a lost race for the port is worth another try.
                if (!server.Output.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)) break;
            }
        }
        throw new InvalidOperationException("Could not start a throwaway redis-server: " + last?.Message, last);
    }

    private static RedisServer Launch(string binary, string folder, int port)
    {
        var psi = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var arg in new[]
        {
            "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder,
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = psi };
        var server = new RedisServer(process, folder, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        ProcessWatchdog.Start(process, folder, "rom-redis-watchdog");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Append(string? line)
    {
        if (line == null) return;
        lock (_output) _output.Append(line).Append('\n');
    }

    private void WaitUntilReady()
    {
        var sw = Stopwatch.StartNew();
        var lastError = "";
        while (sw.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"redis-server exited with code {_process.ExitCode} during startup.\n--- redis-server output ---\n{Output}");
            try
            {
                using var client = new RawRespClient(Port);
                var reply = client.CommandAsync("PING").GetAwaiter().GetResult();
                if (reply == "+PONG\r\n") return;
                lastError = reply.TrimEnd();
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
            {
                lastError = ex.Message;
            }
            Thread.Sleep(50);
        }
        throw new TimeoutException(
            $"redis-server on port {Port} did not answer PING within {StartTimeout.TotalSeconds:0} s (last: {lastError}).\n" +
            $"--- redis-server output ---\n{Output}");
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        // A plain SIGKILL (redis-server has no children): a tree kill stops the process first, which a test host killed
        // meanwhile would leave stopped. The watchdog ends by itself once the server is gone.
        try { _process.Kill(); } catch (InvalidOperationException) { } catch (System.ComponentModel.Win32Exception) { }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
