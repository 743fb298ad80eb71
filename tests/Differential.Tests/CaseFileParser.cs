using System.Text;

namespace RedisOnMySql.Differential.Tests;

/// <summary>
/// Reads one family's case file (<c>cases/&lt;family&gt;.redis</c>): <c># comment</c> and blank lines are ignored,
/// <c>=== name</c> starts a case, every other line is a command, optionally prefixed by <c>other:</c> (the second
/// connection), then <c>frames:N</c> (N reply frames), then <c>unordered:</c>, <c>shape:</c> or <c>unordered-scan:</c>;
/// or <c>(read)</c> (with the same prefixes), which reads pushed messages, or <c>(sleep N)</c> (see <see cref="CaseLine"/>).
/// </summary>
public static class CaseFileParser
{
    private const string CaseMarker = "===";
    private const string ReadLine = "(read)";
    private const string SleepPrefix = "(sleep ";

    // Longest first: "unordered-scan:" must not be taken for "unordered:".
    private static readonly (string Prefix, ReplyComparison Comparison)[] Prefixes =
    [
        ("unordered-scan:", ReplyComparison.UnorderedScan),
        ("unordered:", ReplyComparison.Unordered),
        ("shape:", ReplyComparison.Shape),
    ];

    public static IReadOnlyList<DifferentialCase> Parse(string path)
    {
        var file = Path.GetFileName(path);
        var family = Path.GetFileNameWithoutExtension(path);
        var cases = new List<DifferentialCase>();
        string? name = null;
        var lines = new List<CaseLine>();

        void EndCase(int lineNumber)
        {
            if (name == null) return;
            if (lines.Count == 0) throw Malformed(file, lineNumber, $"case '{name}' has no command");
            if (cases.Any(c => c.Name == name)) throw Malformed(file, lineNumber, $"a second case named '{name}'");
            cases.Add(new DifferentialCase(family, name, lines));
            lines = [];
        }

        var number = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            var text = raw.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            if (text.StartsWith(CaseMarker, StringComparison.Ordinal))
            {
                EndCase(number);
                name = text[CaseMarker.Length..].Trim();
                if (name.Length == 0) throw Malformed(file, number, "a case without a name");
                continue;
            }
            if (name == null) throw Malformed(file, number, "a command before the first '=== name' line");

            if (text.StartsWith(SleepPrefix, StringComparison.Ordinal) && text.EndsWith(')'))
            {
                if (!int.TryParse(text[SleepPrefix.Length..^1], out int ms) || ms < 1) throw Malformed(file, number, "(sleep N) needs N milliseconds");
                lines.Add(new CaseLine(file, number, text, [], ReplyComparison.Exact, SleepMs: ms));
                continue;
            }
            bool onOther = false;
            int frames = 1;
            if (text.StartsWith("other:", StringComparison.Ordinal))
            {
                onOther = true;
                text = text["other:".Length..].Trim();
            }
            if (text.StartsWith("frames:", StringComparison.Ordinal))
            {
                var count = text["frames:".Length..].Split(' ', 2);
                if (!int.TryParse(count[0], out frames) || frames < 1 || count.Length < 2) throw Malformed(file, number, "frames:N needs a count and a command");
                text = count[1].Trim();
            }
            var comparison = ReplyComparison.Exact;
            var command = text;
            foreach (var (prefix, kind) in Prefixes)
            {
                if (!text.StartsWith(prefix, StringComparison.Ordinal)) continue;
                comparison = kind;
                command = text[prefix.Length..].Trim();
                break;
            }
            if (command == ReadLine)
            {
                lines.Add(new CaseLine(file, number, command, [], comparison, onOther, frames));
                continue;
            }
            var arguments = CommandLineSplitter.Split(Encoding.UTF8.GetBytes(command));
            if (arguments == null) throw Malformed(file, number, $"unbalanced quotes in: {command}");
            if (arguments.Count == 0) throw Malformed(file, number, "a prefix without a command");
            lines.Add(new CaseLine(file, number, command, arguments, comparison, onOther, frames));
        }
        EndCase(number);
        return cases;
    }

    private static FormatException Malformed(string file, int line, string problem) => new($"{file}:{line}: {problem}");
}
