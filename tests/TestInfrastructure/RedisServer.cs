using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>
/// A process-wide throwaway redis-server, the reference the differential tests compare the proxy with: started on
/// first use on a free port of 127.0.0.1 with no config file and no persistence, killed (and its folder deleted) when
/// the test process exits, or by a watchdog when the test process is killed. <see cref="SharedCluster"/> is a second one
/// in cluster mode: a lone node serving every slot.
/// </summary>
public sealed class RedisServer
{
    private static readonly Lazy<RedisServer> LazyShared = new(() => StartThrowaway(cluster: false), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<RedisServer> LazySharedCluster = new(() => StartThrowaway(cluster: true), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();
    private int _stopped;

    /// <summary>The shared server, started on first use.</summary>
    public static RedisServer Shared => LazyShared.Value;

    /// <summary>The shared cluster-mode server (cluster_state:ok, every slot its own), started on first use.</summary>
    public static RedisServer SharedCluster => LazySharedCluster.Value;

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

    private static RedisServer StartThrowaway(bool cluster)
    {
        var binary = ProcessRunner.FindExecutable("redis-server");
        Exception? last = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "rom-redis-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(folder);
            var server = Launch(binary, folder, MariaDbServer.FreeTcpPort(), cluster);
            try
            {
                server.WaitUntilReady();
                if (cluster) server.TakeEverySlot();
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

    private static RedisServer Launch(string binary, string folder, int port, bool cluster)
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
        // The bus gets a port of its own: port + 10000, Redis's default, may be past 65535 or taken.
        if (cluster)
        {
            foreach (var arg in new[]
            {
                "--cluster-enabled", "yes", "--cluster-config-file", Path.Combine(folder, "nodes.conf"),
                "--cluster-port", MariaDbServer.FreeTcpPort().ToString(),
            })
            {
                psi.ArgumentList.Add(arg);
            }
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

    /// <summary>Makes the lone cluster node serve every slot and waits until it says cluster_state:ok.</summary>
    private void TakeEverySlot()
    {
        using var client = new RawRespClient(Port);
        var added = client.CommandAsync("CLUSTER", "ADDSLOTSRANGE", "0", "16383").GetAwaiter().GetResult();
        if (added != "+OK\r\n") throw new InvalidOperationException($"CLUSTER ADDSLOTSRANGE 0 16383 answered {added.TrimEnd()}");
        var sw = Stopwatch.StartNew();
        while (!client.CommandAsync("CLUSTER", "INFO").GetAwaiter().GetResult().Contains("cluster_state:ok", StringComparison.Ordinal))
        {
            if (sw.Elapsed > StartTimeout)
                throw new TimeoutException($"the cluster-mode redis-server on port {Port} never reached cluster_state:ok");
            Thread.Sleep(50);
        }
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
