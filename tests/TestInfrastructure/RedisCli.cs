using System.Text;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>
/// Runs Debian's <c>redis-cli</c> against 127.0.0.1:port. The helpers pass <c>--no-raw</c> so
/// replies come formatted (<c>(nil)</c>, <c>(integer) 1</c>, <c>"value"</c>, <c>(error) ...</c>);
/// use <see cref="ExecuteAsync"/> for full control.
/// </summary>
public static class RedisCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary><c>redis-cli -h 127.0.0.1 -p port --no-raw args...</c>; returns stdout then stderr.</summary>
    public static Task<string> RunAsync(int port, params string[] args) =>
        ExecuteAsync(port, args, stdin: null, raw: false, DefaultTimeout);

    /// <summary>
    /// Like <see cref="RunAsync"/> with <paramref name="stdin"/> fed to redis-cli (one command
    /// per line when no command is given in args, or the last argument with <c>-x</c>).
    /// </summary>
    public static Task<string> RunWithInputAsync(int port, string stdin, params string[] args) =>
        ExecuteAsync(port, args, stdin, raw: false, DefaultTimeout);

    /// <summary><c>redis-cli --raw</c> variant (values printed as-is, one per line).</summary>
    public static Task<string> RunRawAsync(int port, params string[] args) =>
        ExecuteAsync(port, args, stdin: null, raw: true, DefaultTimeout);

    /// <summary>Arguments that make redis-cli send <c>AUTH user password</c> on connect.</summary>
    public static string[] AuthArgs(string user, string password) =>
        new[] { "--user", user, "--pass", password, "--no-auth-warning" };

    /// <summary>
    /// Runs redis-cli with full control over raw/formatted output, stdin and timeout; returns
    /// stdout with stderr appended. Throws <see cref="TimeoutException"/> when it hangs.
    /// </summary>
    public static async Task<string> ExecuteAsync(
        int port, IEnumerable<string> args, string? stdin, bool raw, TimeSpan timeout)
    {
        var result = await ExecuteWithExitCodeAsync(port, args, stdin, raw, timeout);
        return result.Combined;
    }

    /// <summary>Same as <see cref="ExecuteAsync"/> but also returns the exit code.</summary>
    public static async Task<ProcessResult> ExecuteWithExitCodeAsync(
        int port, IEnumerable<string> args, string? stdin = null, bool raw = false, TimeSpan? timeout = null)
    {
        var all = new List<string> { "-h", "127.0.0.1", "-p", port.ToString(), raw ? "--raw" : "--no-raw" };
        all.AddRange(args);
        return await ProcessRunner.RunAsync(
            ProcessRunner.FindExecutable("redis-cli"), all, timeout ?? DefaultTimeout,
            stdin: stdin == null ? null : Encoding.UTF8.GetBytes(stdin),
            env: new Dictionary<string, string> { ["REDISCLI_HISTFILE"] = "/dev/null" },
            removeEnvPrefixes: new[] { "REDISCLI_AUTH" });
    }
}
