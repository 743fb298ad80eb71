using System.Text;

namespace RedisOnMySql.Differential.Tests;

/// <summary>A named command sequence of one family's case file, run in order on one connection.</summary>
public sealed record DifferentialCase(string Family, string Name, IReadOnlyList<CaseLine> Lines)
{
    private const int Databases = 16;

    /// <summary>
    /// Databases the case may have written to: 0, and every database named by SELECT, MOVE or COPY ... DB, so the
    /// tenant isolation check after the case covers them.
    /// </summary>
    public IReadOnlySet<int> TouchedDatabases()
    {
        var databases = new SortedSet<int> { 0 };
        foreach (var args in Lines.Where(l => !l.SendsNothing).Select(l => l.Arguments.Select(a => Encoding.UTF8.GetString(a)).ToList()))
        {
            var command = args[0].ToUpperInvariant();
            if (command == "SELECT" && args.Count == 2) AddDatabase(databases, args[1]);
            else if (command == "MOVE" && args.Count == 3) AddDatabase(databases, args[2]);
            else if (command == "COPY")
            {
                // COPY source destination [DB n] [REPLACE]: the option is looked for after the two keys.
                var db = args.Count > 3 ? args.FindIndex(3, a => a.Equals("DB", StringComparison.OrdinalIgnoreCase)) : -1;
                if (db > 0 && db + 1 < args.Count) AddDatabase(databases, args[db + 1]);
            }
        }
        return databases;
    }

    private static void AddDatabase(SortedSet<int> databases, string text)
    {
        if (int.TryParse(text, out var db) && db is >= 0 and < Databases) databases.Add(db);
    }

    public override string ToString() => $"{Family}: {Name}";
}
