using RedisOnMySql.Kernel.Families.Server.Config;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>
/// Each kind of parameter reads a CONFIG SET value and prints it back as redis-server 7.0 does (the expected texts
/// are what redis-server 7.0.15 answered).
/// </summary>
public class ConfigValueTypeTests
{
    /// <summary>The value CONFIG GET prints after setting <paramref name="value"/> on the default, or the error.</summary>
    private static string Set(string name, string value)
    {
        var parameter = RedisConfigTable.Find(name);
        var parsed = parameter.Type.Parse(value, parameter.Default);
        return parsed.Error ?? parameter.Type.Format(parsed.Value!);
    }

    [Theory]
    [InlineData("activerehashing", "no", "no")]
    [InlineData("activerehashing", "YES", "yes")]
    [InlineData("activerehashing", "1", "argument must be 'yes' or 'no'")]
    [InlineData("activedefrag", "no", "no")]
    [InlineData("activedefrag", "yes", "Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution")]
    public void Yes_no_parameters(string name, string value, string expected) => Assert.Equal(expected, Set(name, value));

    [Theory]
    [InlineData("hz", "50", "50")]
    [InlineData("hz", "abc", "argument couldn't be parsed into an integer")]
    [InlineData("hz", "010", "argument couldn't be parsed into an integer")]
    [InlineData("hz", "-0", "argument couldn't be parsed into an integer")]
    [InlineData("hz", " 5", "argument couldn't be parsed into an integer")]
    [InlineData("hz", "-1", "argument must be between 0 and 2147483647 inclusive")]
    [InlineData("list-max-listpack-size", "-5", "-5")]
    [InlineData("list-max-listpack-size", "2147483648", "argument must be between -2147483648 and 2147483647 inclusive")]
    [InlineData("maxclients", "0", "argument must be between 1 and 4294967295 inclusive")]
    [InlineData("maxclients", "-1", "argument must be between 1 and 4294967295 inclusive")]
    [InlineData("maxclients", "4294967295", "4294967295")]
    [InlineData("slowlog-max-len", "-1", "argument must be between 0 and 9223372036854775807 inclusive")]
    [InlineData("slowlog-log-slower-than", "-1", "-1")]
    [InlineData("tracking-table-max-keys", "1k", "argument couldn't be parsed into an integer")]
    public void Integer_parameters(string name, string value, string expected) => Assert.Equal(expected, Set(name, value));

    [Theory]
    [InlineData("maxmemory", "1gb", "1073741824")]
    [InlineData("maxmemory", "100MB", "104857600")]
    [InlineData("maxmemory", "1KB", "1024")]
    [InlineData("maxmemory", "1k", "1000")]
    [InlineData("maxmemory", "2G", "2000000000")]
    [InlineData("maxmemory", "5b", "5")]
    [InlineData("maxmemory", "", "0")]
    [InlineData("maxmemory", "kb", "0")]
    [InlineData("maxmemory", "99999999999999999999", "18446744073709551615")]
    [InlineData("maxmemory", "20000000000gb", "3028092406290448384")]
    [InlineData("maxmemory", "-1", "argument must be a memory value")]
    [InlineData("maxmemory", "+5", "argument must be a memory value")]
    [InlineData("maxmemory", "1.5gb", "argument must be a memory value")]
    [InlineData("maxmemory", "1tb", "argument must be a memory value")]
    [InlineData("hash-max-ziplist-value", "abc", "argument must be a memory value")]
    [InlineData("hash-max-listpack-value", "9223372036854775808", "argument must be between 0 and 9223372036854775807 inclusive")]
    [InlineData("proto-max-bulk-len", "1000", "argument must be between 1048576 and 9223372036854775807 inclusive")]
    [InlineData("proto-max-bulk-len", "9223372036854775808", "argument must be between 1048576 and 9223372036854775807 inclusive")]
    [InlineData("client-query-buffer-limit", "2gb", "2147483648")]
    public void Memory_parameters(string name, string value, string expected) => Assert.Equal(expected, Set(name, value));

    [Theory]
    [InlineData("50%", "50%")]
    [InlineData("0%", "0")]
    [InlineData("100%", "100%")]
    [InlineData("101%", "percentage argument must be less or equal to 100")]
    [InlineData("-5%", "argument must be a memory or percent value")]
    [InlineData("%", "argument must be a memory or percent value")]
    [InlineData("abc", "argument must be a memory or percent value")]
    [InlineData("10mb", "10485760")]
    [InlineData("18446744073709551566", "50%")]
    [InlineData("18446744073709551515", "percentage argument must be less or equal to 100")]
    public void Memory_or_percent_parameters(string value, string expected) => Assert.Equal(expected, Set("maxmemory-clients", value));

    [Theory]
    [InlineData("maxmemory-policy", "ALLKEYS-LRU", "allkeys-lru")]
    [InlineData("maxmemory-policy", "allkeys-lru noeviction", "argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction")]
    [InlineData("loglevel", "LOUD", "argument(s) must be one of the following: debug, verbose, notice, warning")]
    [InlineData("oom-score-adj", "relative", "yes")]
    [InlineData("oom-score-adj", "absolute", "absolute")]
    [InlineData("acl-pubsub-default", "allchannels", "allchannels")]
    [InlineData("shutdown-on-sigint", "NOW force", "now force")]
    [InlineData("shutdown-on-sigint", "default save", "save")]
    [InlineData("shutdown-on-sigint", "force now nosave", "nosave now force")]
    [InlineData("shutdown-on-sigint", "save nosave", "shutdown options SAVE and NOSAVE can't be used simultaneously")]
    [InlineData("shutdown-on-sigint", "", "argument(s) must be one of the following: default, save, nosave, now, force")]
    [InlineData("shutdown-on-sigint", "now  force", "argument(s) must be one of the following: default, save, nosave, now, force")]
    public void Enum_parameters(string name, string value, string expected) => Assert.Equal(expected, Set(name, value));

    [Theory]
    [InlineData("3600 1 300 100", "3600 1 300 100")]
    [InlineData("", "")]
    [InlineData("3600 ", "3600 0")]
    [InlineData("+5 -0", "5 0")]
    [InlineData("60 4294967297 10 2147483648", "60 1 10 -2147483648")]
    [InlineData("3600 1 300", "Invalid save parameters")]
    [InlineData("0 1", "Invalid save parameters")]
    [InlineData("3600 -1", "Invalid save parameters")]
    [InlineData("3600  1", "Invalid save parameters")]
    [InlineData("1h 1", "Invalid save parameters")]
    public void Save(string value, string expected) => Assert.Equal(expected, Set("save", value));

    [Theory]
    [InlineData("pubsub 64mb 16mb 120", "normal 0 0 0 slave 268435456 67108864 60 pubsub 67108864 16777216 120")]
    [InlineData("NORMAL 1 2 3 replica 1gb 0 0", "normal 1 2 3 slave 1073741824 0 0 pubsub 33554432 8388608 60")]
    [InlineData("normal 5 5 4294967297", "normal 5 5 1 slave 268435456 67108864 60 pubsub 33554432 8388608 60")]
    [InlineData("pubsub 99999999999999999999 1 1", "normal 0 0 0 slave 268435456 67108864 60 pubsub 18446744073709551615 1 1")]
    [InlineData("", "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60")]
    [InlineData("normal 1 2", "Wrong number of arguments in buffer limit configuration.")]
    [InlineData("master 1 2 3", "Invalid client class specified in buffer limit configuration.")]
    [InlineData("replica 1 2 -1", "Error in hard, soft or soft_seconds setting in buffer limit configuration.")]
    [InlineData("pubsub 1tb 2 3", "Error in hard, soft or soft_seconds setting in buffer limit configuration.")]
    [InlineData("pubsub 1 2 3s", "Error in hard, soft or soft_seconds setting in buffer limit configuration.")]
    public void Client_output_buffer_limit_changes_the_classes_it_names(string value, string expected) =>
        Assert.Equal(expected, Set("client-output-buffer-limit", value));

    [Theory]
    [InlineData("oom-score-adj-values", "1 2 3", "1 2 3")]
    [InlineData("oom-score-adj-values", "-2000 0 2000", "-2000 0 2000")]
    [InlineData("oom-score-adj-values", "1 2", "wrong number of arguments")]
    [InlineData("oom-score-adj-values", "1 2 3000", "Invalid oom-score-adj-values, elements must be between -2000 and 2000.")]
    [InlineData("latency-tracking-info-percentiles", "50 99.90 100", "50 99.9 100")]
    [InlineData("latency-tracking-info-percentiles", "1e1 0.0000001 -0 0x1p4 33.3333333", "10 0 -0 16 33.333333")]
    [InlineData("latency-tracking-info-percentiles", "", "")]
    [InlineData("latency-tracking-info-percentiles", "101", "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]")]
    [InlineData("latency-tracking-info-percentiles", "50 nan", "Invalid latency-tracking-info-percentiles parameters")]
    [InlineData("latency-tracking-info-percentiles", " 50", "Invalid latency-tracking-info-percentiles parameters")]
    [InlineData("bind", "127.0.0.1 ::1", "127.0.0.1 ::1")]
    [InlineData("bind", "a b c d e f g h i j k l m n o p q", "Too many bind addresses specified.")]
    [InlineData("notify-keyspace-events", "KEA", "AKE")]
    [InlineData("notify-keyspace-events", "KEAq", "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.")]
    public void Other_multi_value_parameters(string name, string value, string expected) => Assert.Equal(expected, Set(name, value));

    [Theory]
    [InlineData("cluster-announce-hostname", "host-1.example", "host-1.example")]
    [InlineData("cluster-announce-hostname", "a_b", "Hostnames may only contain alphanumeric characters, hyphens or dots")]
    [InlineData("proc-title-template", "{title} {port} {{", "{title} {port} {{")]
    [InlineData("proc-title-template", "{bogus}", "template format is invalid or contains unknown variables")]
    [InlineData("proc-title-template", "", "template format is invalid or contains unknown variables")]
    [InlineData("proc-title-template", "{title} {server-mode}", "template format is invalid or contains unknown variables")]
    [InlineData("proc-title-template", "{title", "template format is invalid or contains unknown variables")]
    [InlineData("requirepass", "", "")]
    [InlineData("requirepass", "secret", "not supported by redis-on-mysql: clients authenticate as MySQL users (AUTH user password)")]
    [InlineData("ignore-warnings", "\u00ff\u0000x", "\u00ff\u0000x")]
    public void Text_parameters(string name, string value, string expected) => Assert.Equal(expected, Set(name, value));

    [Fact]
    public void Hostnames_of_256_characters_or_more_are_refused() =>
        Assert.Equal("Hostnames must be less than 256 characters", Set("cluster-announce-hostname", new string('a', 256)));
}
