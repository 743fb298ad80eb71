using System.Text;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// A small fluent SQL builder in SqlKata's shape (SqlKata itself is not available here), compiled to MySQL text.
/// Every statement on a scoped table gets the tenant (and db) predicate or column added by the builder itself,
/// so a family cannot forget isolation. Values are always named parameters (<c>@name</c>), never inlined.
/// </summary>
public sealed class SqlBuilder
{
    private enum Kind { Select, Insert, Update, Delete }

    /// <summary>
    /// MySQL's clock in ms since the Unix epoch, for rows that proxies judge each other by (heartbeats): one clock for all,
    /// whatever the proxies' own clocks say.
    /// </summary>
    public const string DbNowMs = "CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED)";

    private readonly Kind _kind;
    private readonly SqlTable _table;
    private readonly List<string> _columns = new();
    private readonly List<string> _values = new();
    private readonly List<string> _wheres = new();
    private readonly List<string> _sets = new();
    private readonly List<string> _orderBy = new();
    private readonly List<string> _groupBy = new();
    private readonly List<string> _onDuplicate = new();
    private readonly List<string> _joins = new();
    private string? _limit;
    private bool _forUpdate;
    private bool _forShare;
    private bool _ignore;
    private bool _allDatabases;
    private bool _unscoped;
    private string _dbParameter = "@db";
    private SqlBuilder? _fromSelect;
    private string? _alias;
    private bool _forcePrimary;
    private int _rows = 1;

    private SqlBuilder(Kind kind, SqlTable table)
    {
        _kind = kind;
        _table = table;
    }

    public static SqlBuilder From(SqlTable table) => new(Kind.Select, table);
    public static SqlBuilder Insert(SqlTable table) => new(Kind.Insert, table);
    public static SqlBuilder Update(SqlTable table) => new(Kind.Update, table);
    public static SqlBuilder Delete(SqlTable table) => new(Kind.Delete, table);

    public SqlBuilder Select(params string[] columns) { _columns.AddRange(columns); return this; }

    /// <summary><c>column op @param</c>; pass a parameter name with its @.</summary>
    public SqlBuilder Where(string column, string op, string parameter) { _wheres.Add($"{column} {op} {parameter}"); return this; }

    public SqlBuilder WhereRaw(string predicate) { _wheres.Add("(" + predicate + ")"); return this; }

    /// <summary>
    /// <c>column IN (@p0, @p1, ...)</c> for a fixed count, over the last primary-key column (a SELECT then forces the
    /// primary key); statements are cached per count by callers.
    /// </summary>
    public SqlBuilder WhereIn(string column, string parameterPrefix, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count));
        var names = Enumerable.Range(0, count).Select(i => $"{parameterPrefix}{i}");
        _wheres.Add($"{column} IN ({string.Join(", ", names)})");
        _forcePrimary = true;
        return this;
    }

    /// <summary>Keys visible now: not expired at <c>@now</c> (ms since epoch).</summary>
    public SqlBuilder WhereLive(string nowParameter = "@now") =>
        WhereRaw($"expires_at IS NULL OR expires_at > {nowParameter}");

    public SqlBuilder GroupBy(params string[] columns) { _groupBy.AddRange(columns); return this; }
    public SqlBuilder OrderBy(params string[] columns) { _orderBy.AddRange(columns); return this; }
    public SqlBuilder Limit(string parameterOrNumber) { _limit = parameterOrNumber; return this; }
    public SqlBuilder ForUpdate() { _forUpdate = true; return this; }
    /// <summary>Holds the rows read shared until the transaction ends, so a value read in several statements is one version.</summary>
    public SqlBuilder ForShare() { _forShare = true; return this; }

    /// <summary>Insert columns with their value expressions (parameters or SQL).</summary>
    public SqlBuilder Value(string column, string expression) { _columns.Add(column); _values.Add(expression); return this; }
    /// <summary>Insert columns whose values come from the same-named columns of <see cref="FromSelect"/>'s rows.</summary>
    public SqlBuilder Values(IEnumerable<string> columns) { foreach (var c in columns) Value(c, c); return this; }
    /// <summary>INSERT ... SELECT: the value expressions are selected from the rows <paramref name="source"/> finds.</summary>
    public SqlBuilder FromSelect(SqlBuilder source) { _fromSelect = source; return this; }
    /// <summary>A table alias for correlated predicates (<c>FROM t c WHERE ... c.key_id ...</c>).</summary>
    public SqlBuilder Alias(string alias) { _alias = alias; return this; }

    /// <summary>
    /// A join after the table, e.g. <c>LEFT JOIN list_bounds b ON b.tenant = k.tenant AND b.key_id = k.id</c>: its ON
    /// clause must scope the joined table to the tenant itself, through the main table's columns.
    /// </summary>
    public SqlBuilder Join(string clause) { _joins.Add(clause); return this; }
    public SqlBuilder InsertIgnore() { _ignore = true; return this; }

    /// <summary>
    /// A multi-row insert of <paramref name="count"/> rows: a value written <c>@name[]</c> is a per-row parameter
    /// (<c>@name0</c>, <c>@name1</c>, ...), any other value is the same in every row.
    /// </summary>
    public SqlBuilder Rows(int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count));
        _rows = count;
        return this;
    }
    /// <summary>Makes an insert an upsert: assignments run when the primary/unique key already exists.</summary>
    public SqlBuilder OnDuplicateKeyUpdate(params string[] assignments) { _onDuplicate.AddRange(assignments); return this; }

    public SqlBuilder Set(string column, string expression) { _sets.Add($"{column} = {expression}"); return this; }

    /// <summary>Scope by tenant only, for tenant-wide commands such as FLUSHALL.</summary>
    public SqlBuilder AllDatabases() { _allDatabases = true; return this; }

    /// <summary>Use another parameter than @db for the db scope (MOVE, COPY ... DB).</summary>
    public SqlBuilder InDatabase(string parameter) { _dbParameter = parameter; return this; }

    /// <summary>No tenant scope at all: only for the kernel's background services that work across tenants.</summary>
    internal SqlBuilder Unscoped() { _unscoped = true; return this; }

    public Statement Build(string name)
    {
        var sql = new StringBuilder();
        bool scopeDb = ScopesDb;
        bool scopeTenant = ScopesTenant;

        switch (_kind)
        {
            case Kind.Select:
                sql.Append("SELECT ").Append(_columns.Count == 0 ? "*" : string.Join(", ", _columns));
                AppendFromWhere(sql);
                if (_groupBy.Count > 0) sql.Append(" GROUP BY ").Append(string.Join(", ", _groupBy));
                AppendOrderLimit(sql);
                if (_forUpdate) sql.Append(" FOR UPDATE");
                else if (_forShare) sql.Append(" LOCK IN SHARE MODE");
                break;
            case Kind.Insert:
                if (_fromSelect == null) WritesKeySlot(_columns.IndexOf("k") is var at and >= 0 ? _values[at] : null, e => Value("slot", e));
                var cols = new List<string>();
                var vals = new List<string>();
                if (scopeTenant) { cols.Add("tenant"); vals.Add("@tenant"); }
                if (scopeDb) { cols.Add("db"); vals.Add(_dbParameter); }
                cols.AddRange(_columns);
                vals.AddRange(_values);
                sql.Append(_ignore ? "INSERT IGNORE INTO " : "INSERT INTO ").Append(_table.Name)
                   .Append(" (").Append(string.Join(", ", cols)).Append(')');
                if (_fromSelect != null)
                {
                    sql.Append(" SELECT ").Append(string.Join(", ", vals));
                    _fromSelect.AppendFromWhere(sql);
                    _fromSelect.AppendOrderLimit(sql);
                }
                else
                {
                    sql.Append(" VALUES ").Append(string.Join(", ", Enumerable.Range(0, _rows).Select(row =>
                        "(" + string.Join(", ", vals.Select(v => v.EndsWith("[]", StringComparison.Ordinal) ? v[..^2] + row : v)) + ")")));
                }
                if (_onDuplicate.Count > 0)
                {
                    BumpsKeyVersion(_onDuplicate, "ver = ");
                    sql.Append(" ON DUPLICATE KEY UPDATE ").Append(string.Join(", ", _onDuplicate));
                }
                break;
            case Kind.Update:
                if (_sets.Count == 0) throw new InvalidOperationException($"{name}: UPDATE without SET");
                BumpsKeyVersion(_sets, "ver = ");
                WritesKeySlot(_sets.FirstOrDefault(a => a.StartsWith("k = ", StringComparison.Ordinal))?[4..], e => Set("slot", e));
                sql.Append("UPDATE ").Append(_table.Name).Append(" SET ").Append(string.Join(", ", _sets));
                AppendWhere(sql);
                AppendOrderLimit(sql);
                break;
            case Kind.Delete:
                sql.Append("DELETE");
                AppendFromWhere(sql);
                AppendOrderLimit(sql);
                break;
        }

        var text = sql.ToString();
        var names = ParameterNames(text);
        var parameters = names.Where(n => n is not ("tenant" or "db") && !n.Contains(KeySlotMarker, StringComparison.Ordinal)).ToList();
        var slots = names.Where(n => n.Contains(KeySlotMarker, StringComparison.Ordinal))
            .Select(n => new KeySlotParameter(n, parameters.IndexOf(n.Replace(KeySlotMarker, "", StringComparison.Ordinal)))).ToArray();
        // Child rows hang off a key's id, so their tables are scoped by tenant only (the keyspace and the feed have a db).
        bool writesChildRows = _kind != Kind.Select && _table.Scope == TableScope.Tenant && !_unscoped;
        return new Statement(name, text, parameters, names.Contains("tenant"), names.Contains("db"), writesChildRows,
            _kind == Kind.Select && _forUpdate && _table == SqlTable.Keyspace ? KeyLockOf(parameters) : null, slots);
    }

    /// <summary>Marks a parameter the executor derives from a key's: <c>@k__slot</c> is the hash slot of <c>@k</c>.</summary>
    private const string KeySlotMarker = "__slot";

    /// <summary>
    /// Every statement that names a key in the keyspace (an insert, or RENAME's update) also writes the key's hash slot
    /// (migrations/0008_key_slots.sql), computed by the executor from the key's parameter, so no family can forget it.
    /// </summary>
    private void WritesKeySlot(string? keyExpression, Action<string> addSlot)
    {
        if (_table != SqlTable.Keyspace || keyExpression is not ['@', ..] || _columns.Contains("slot")
            || _sets.Any(a => a.StartsWith("slot = ", StringComparison.Ordinal))) return;
        bool perRow = keyExpression.EndsWith("[]", StringComparison.Ordinal);
        var key = perRow ? keyExpression[..^2] : keyExpression;
        if (!key[1..].All(c => char.IsLetterOrDigit(c) || c == '_')) return;
        addSlot(key + KeySlotMarker + (perRow ? "[]" : ""));
    }

    /// <summary>
    /// Every change of a keyspace row changes the key's version (WATCH): the builder adds the assignment to each UPDATE
    /// and upsert of the keyspace, so no family can forget it.
    /// </summary>
    private void BumpsKeyVersion(List<string> assignments, string prefix)
    {
        if (_table == SqlTable.Keyspace && !assignments.Any(a => a.StartsWith(prefix, StringComparison.Ordinal)))
            assignments.Add(prefix + "ver + 1");
    }

    /// <summary>
    /// The keys a keyspace read FOR UPDATE locks: its <c>@k</c> value, or its <c>@k0</c>, <c>@k1</c>... IN-list, in the
    /// db of its <see cref="InDatabase"/> parameter or the session's. A lock that names its keys otherwise changes no
    /// version (the WATCH check's own lock, for one).
    /// </summary>
    private KeyLock? KeyLockOf(List<string> parameters)
    {
        var keys = parameters.Select((n, i) => (n, i))
            .Where(p => p.n == "k" || (p.n.Length > 1 && p.n[0] == 'k' && p.n[1..].All(char.IsAsciiDigit)))
            .Select(p => p.i).ToArray();
        if (keys.Length == 0) return null;
        int db = parameters.IndexOf(_dbParameter.TrimStart('@'));
        return new KeyLock(keys, _dbParameter == "@db" ? null : db);
    }

    private bool ScopesTenant => !_unscoped && _table.Scope != TableScope.Shared;
    private bool ScopesDb => ScopesTenant && !_allDatabases && _table.Scope == TableScope.TenantAndDb;

    private void AppendFromWhere(StringBuilder sql)
    {
        sql.Append(" FROM ").Append(_table.Name);
        if (_alias != null) sql.Append(' ').Append(_alias);
        // Every IN-list is over the last primary-key column. Without the hint MariaDB 10.11 sometimes reads the
        // whole (tenant, db) or (tenant, key_id) prefix by ref instead of one range per value: measured 2 ms
        // instead of 0.05 ms for 16 keys of a 10,000-key db once its statistics were fresh.
        if (_forcePrimary && _kind == Kind.Select) sql.Append(" FORCE INDEX (PRIMARY)");
        foreach (var join in _joins) sql.Append(' ').Append(join);
        AppendWhere(sql);
    }

    private void AppendOrderLimit(StringBuilder sql)
    {
        if (_orderBy.Count > 0) sql.Append(" ORDER BY ").Append(string.Join(", ", _orderBy));
        if (_limit != null) sql.Append(" LIMIT ").Append(_limit);
    }

    private void AppendWhere(StringBuilder sql)
    {
        var prefix = _alias == null ? "" : _alias + ".";
        var all = new List<string>();
        if (ScopesTenant) all.Add($"{prefix}tenant = @tenant");
        if (ScopesDb) all.Add($"{prefix}db = {_dbParameter}");
        all.AddRange(_wheres);
        if (all.Count > 0) sql.Append(" WHERE ").Append(string.Join(" AND ", all));
    }

    /// <summary>Every parameter in first-appearance order; callers supply all but @tenant and @db.</summary>
    private static List<string> ParameterNames(string sql)
    {
        var names = new List<string>();
        for (int i = 0; i < sql.Length; i++)
        {
            if (sql[i] != '@') continue;
            int start = i + 1, end = start;
            while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] == '_')) end++;
            var name = sql[start..end];
            if (!names.Contains(name)) names.Add(name);
            i = end - 1;
        }
        return names;
    }
}
