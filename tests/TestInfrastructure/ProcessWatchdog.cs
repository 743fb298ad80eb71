using System.Diagnostics;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>
/// A detached shell loop that kills a server this test process started, and removes its folder, once the test process
/// is gone: a test host killed by a hang timeout runs no ProcessExit handlers, and the server would otherwise live on.
/// It runs in its own session, outside the test host's process tree, so a tree kill of the test host (which stops
/// each process before killing it, and may be cut short) cannot leave it stopped; it ends by itself within a second
/// of the server or the test host, and closes every inherited descriptor so it never holds a pipe or a lock file.
/// </summary>
internal static class ProcessWatchdog
{
    private const string Script =
        "exec </dev/null >/dev/null 2>&1; " +
        "for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done; " +
        "while kill -0 \"$1\" && kill -0 \"$2\"; do sleep 1; done; " +
        "kill -9 \"$2\"; sleep 1; rm -rf \"$3\"";

    /// <summary>Starts the watchdog of <paramref name="server"/>; does nothing when it cannot (it is a safety net only).</summary>
    public static void Start(Process server, string folder, string name)
    {
        try
        {
            var psi = new ProcessStartInfo(ProcessRunner.FindExecutable("setsid")) { UseShellExecute = false };
            foreach (var arg in new[]
            {
                "--fork", ProcessRunner.FindExecutable("bash"), "-c", Script, name,
                Environment.ProcessId.ToString(), server.Id.ToString(), folder,
            })
            {
                psi.ArgumentList.Add(arg);
            }
            using var launcher = Process.Start(psi);
            launcher?.WaitForExit(5000);
        }
        catch (Exception)
        {
            // The watchdog is a safety net only.
        }
    }
}
