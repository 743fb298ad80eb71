using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Strings;

/// <summary>Statements of the strings family beyond the kernel's shared keyspace ones.</summary>
internal static class StringStatements
{
    /// <summary>Type and value of a visible key (params: k, now).</summary>
    public static readonly Statement SelectValue = SqlBuilder.From(SqlTable.Keyspace).Select("type", "v")
        .Where("k", "=", "@k").WhereLive().Build("strings.select_value");
}
