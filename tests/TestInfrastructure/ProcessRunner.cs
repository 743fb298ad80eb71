using System.Diagnostics;
using System.Text;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>Result of a finished child process.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>stdout followed by stderr.</summary>
    public string Combined => StdErr.Length == 0 ? StdOut : StdOut + StdErr;
}

/// <summary>Small helpers for running external tools with a timeout.</summary>
public static class ProcessRunner
{
    private static readonly string[] ExtraSearchDirs = { "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin" };

    /// <summary>
    /// Full path of the first of <paramref name="names"/> found on PATH or in the usual
    /// sbin/bin folders (mariadbd lives in /usr/sbin, often not on a non-root PATH).
    /// </summary>
    public static string FindExecutable(params string[] names)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(ExtraSearchDirs)
            .Distinct()
            .ToList();
        foreach (var name in names)
        {
            if (name.Contains('/'))
            {
                if (File.Exists(name)) return name;
                continue;
            }
            foreach (var dir in dirs)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException(
            $"None of [{string.Join(", ", names)}] was found on PATH or in {string.Join(":", ExtraSearchDirs)}. " +
            "Install mariadb-server, redis-server and redis-tools (apt-get install mariadb-server redis-server redis-tools).");
    }

    /// <summary>
    /// Runs a process to completion. stdin gets <paramref name="stdin"/> (or is closed at once).
    /// On timeout the whole process tree is killed and a <see cref="TimeoutException"/> thrown.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> args,
        TimeSpan timeout,
        byte[]? stdin = null,
        IDictionary<string, string>? env = null,
        IEnumerable<string>? removeEnvPrefixes = null,
        string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        ApplyEnvironment(psi, env, removeEnvPrefixes);

        using var process = new Process { StartInfo = psi };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.Start();
        var outTask = Pump(process.StandardOutput, stdout);
        var errTask = Pump(process.StandardError, stderr);

        try
        {
            if (stdin != null)
                await process.StandardInput.BaseStream.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process exited without reading all its input; its exit code tells the story.
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            TryKillTree(process);
            await Task.WhenAny(Task.WhenAll(outTask, errTask), Task.Delay(2000));
            throw new TimeoutException(
                $"'{fileName} {string.Join(' ', psi.ArgumentList)}' did not finish within {timeout.TotalSeconds:0.#} s.\n" +
                $"stdout:\n{Snapshot(stdout)}\nstderr:\n{Snapshot(stderr)}");
        }

        await Task.WhenAll(outTask, errTask);
        return new ProcessResult(process.ExitCode, Snapshot(stdout), Snapshot(stderr));
    }

    internal static void ApplyEnvironment(ProcessStartInfo psi, IDictionary<string, string>? env, IEnumerable<string>? removeEnvPrefixes)
    {
        if (removeEnvPrefixes != null)
        {
            var prefixes = removeEnvPrefixes.ToList();
            foreach (var key in psi.Environment.Keys.ToList())
            {
                if (prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
                    psi.Environment.Remove(key);
            }
        }
        if (env != null)
        {
            foreach (var (k, v) in env) psi.Environment[k] = v;
        }
    }

    internal static void TryKillTree(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    private static async Task Pump(StreamReader reader, StringBuilder sink)
    {
        var buffer = new char[8192];
        int n;
        while ((n = await reader.ReadAsync(buffer, 0, buffer.Length)) > 0)
        {
            lock (sink) sink.Append(buffer, 0, n);
        }
    }

    private static string Snapshot(StringBuilder sb)
    {
        lock (sb) return sb.ToString();
    }
}
