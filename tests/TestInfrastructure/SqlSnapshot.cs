using System.Reflection;
using System.Text;
using ApprovalTests;
using ApprovalTests.Core;
using ApprovalTests.Writers;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>
/// Approves every statement a family can send as one readable .sql file next to the test
/// (TestClass.TestMethod.approved.sql). A change fails the test with a line diff; to accept it, run
/// scripts/accept-snapshots.sh (it renames *.received.sql to *.approved.sql) and review the git diff.
/// </summary>
public static class SqlSnapshot
{
    /// <summary>Every static <see cref="Statement"/> field of the given types, plus extra (shape-varying) ones.</summary>
    public static string Render(IEnumerable<Type> types, IEnumerable<Statement>? extra = null)
    {
        const BindingFlags flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        var statements = types
            .SelectMany(t => t.GetFields(flags))
            .Where(f => f.FieldType == typeof(Statement))
            .Select(f => (Statement)f.GetValue(null)!)
            .Concat(extra ?? [])
            .GroupBy(s => s.Name).Select(g => g.First())
            .OrderBy(s => s.Name, StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var statement in statements)
            text.Append("-- ").Append(statement.Name).Append('\n').Append(statement.Sql).Append(";\n\n");
        return text.ToString();
    }

    public static void Verify(IEnumerable<Type> types, IEnumerable<Statement>? extra = null) =>
        Approvals.Verify(new ApprovalTextWriter(Render(types, extra), "sql"), Approvals.GetDefaultNamer(), new DiffInMessageReporter());

    /// <summary>Fails with the differing lines in the message, so CI logs show what changed.</summary>
    private sealed class DiffInMessageReporter : IApprovalFailureReporter
    {
        public void Report(string approved, string received)
        {
            var expected = File.Exists(approved) ? File.ReadAllLines(approved) : [];
            var actual = File.ReadAllLines(received);
            var diff = new StringBuilder($"SQL snapshot changed: {received}\n(accept with scripts/accept-snapshots.sh)\n");
            foreach (var line in expected.Except(actual)) diff.Append("- ").Append(line).Append('\n');
            foreach (var line in actual.Except(expected)) diff.Append("+ ").Append(line).Append('\n');
            throw new Xunit.Sdk.XunitException(diff.ToString());
        }
    }
}
