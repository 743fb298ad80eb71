using System.Data.Common;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>Live keys of one logical database of a tenant, as INFO keyspace reports them.</summary>
internal sealed record KeyspaceSummary(int Db, long Keys, long Expires, long AvgTtlMs)
{
    /// <summary>Per-db counts of the tenant's live keys in one query (params: now).</summary>
    public static readonly Statement PerDatabase = SqlBuilder.From(SqlTable.Keyspace).AllDatabases()
        .Select("db", "COUNT(*) AS key_count", "COUNT(expires_at) AS expire_count", "AVG(expires_at) AS avg_expires_at")
        .WhereLive().GroupBy("db").OrderBy("db").Build("server.keyspace_per_db");

    public static KeyspaceSummary Read(DbDataReader reader, long nowMs)
    {
        long avgTtl = reader.IsDBNull(3) ? 0 : Math.Max(0, (long)Convert.ToDecimal(reader.GetValue(3)) - nowMs);
        return new KeyspaceSummary(Convert.ToInt32(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1)),
            Convert.ToInt64(reader.GetValue(2)), avgTtl);
    }

    /// <summary>The value of the "db{n}" line of INFO keyspace.</summary>
    public string InfoValue => $"keys={Keys},expires={Expires},avg_ttl={AvgTtlMs}";
}
