using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

public class CommandCommandTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Count_equals_the_number_of_entries_command_returns()
    {
        using var client = await fixture.RawAsync();
        long count = (long)RespReply.Parse(await client.CommandAsync("COMMAND", "COUNT"))!;
        var all = RespReply.Array(await client.CommandAsync("COMMAND"));
        var list = RespReply.Array(await client.CommandAsync("COMMAND", "LIST"));

        Assert.Equal(count, all.Count);
        Assert.Equal(count, list.Count);
        Assert.Equal(list.Cast<string>().Order(), all.Select(e => (string)((List<object?>)e!)[0]!).Order());
        Assert.Contains("ping", list);
        Assert.Contains("client", list);
        Assert.Contains("time", list);
    }

    [Fact]
    public async Task Info_reports_redis_7_entries_and_nil_for_unknown_names()
    {
        using var client = await fixture.RawAsync();
        var reply = RespReply.Array(await client.CommandAsync("COMMAND", "INFO", "echo", "no-such-command", "TIME"));

        Assert.Equal(3, reply.Count);
        var echo = Assert.IsType<List<object?>>(reply[0]);
        Assert.Equal(10, echo.Count);
        Assert.Equal("echo", echo[0]);
        Assert.Equal(2L, echo[1]);
        Assert.Equal(new object?[] { "fast" }, echo[2]);
        Assert.Equal(0L, echo[3]);
        Assert.Equal(0L, echo[4]);
        Assert.Equal(0L, echo[5]);
        Assert.Equal(new object?[] { "@fast", "@connection" }, echo[6]);
        Assert.Empty((List<object?>)echo[7]!);
        Assert.Empty((List<object?>)echo[8]!);
        Assert.Empty((List<object?>)echo[9]!);
        Assert.Null(reply[1]);
        var time = Assert.IsType<List<object?>>(reply[2]);
        Assert.Equal(1L, time[1]);
        Assert.Equal(new object?[] { "loading", "stale", "fast" }, time[2]);
    }

    [Theory]
    [InlineData("keys", "@keyspace @read @slow @dangerous")]
    [InlineData("blpop", "@write @list @slow @blocking")]
    [InlineData("multi", "@fast @transaction")]
    [InlineData("config", "@admin @slow @dangerous")]
    [InlineData("readonly", "@fast @connection")]
    [InlineData("flushdb", "@keyspace @write @slow @dangerous")]
    [InlineData("swapdb", "@keyspace @write @fast @dangerous")]
    [InlineData("sort", "@write @set @sortedset @list @slow @dangerous")]
    [InlineData("info", "@slow @dangerous")]
    [InlineData("ping", "@fast @connection")]
    public async Task Info_lists_acl_categories_in_the_order_of_redis_s_category_table(string command, string categories)
    {
        using var client = await fixture.RawAsync();
        var entry = Assert.IsType<List<object?>>(RespReply.Array(await client.CommandAsync("COMMAND", "INFO", command))[0]);
        Assert.Equal(categories, string.Join(" ", (List<object?>)entry[6]!));
    }

    [Fact]
    public async Task Info_entries_use_simple_strings_for_flags_and_a_nil_bulk_for_unknown()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("*1\r\n$-1\r\n", await client.CommandAsync("COMMAND", "INFO", "nope"));
        var raw = await client.CommandAsync("COMMAND", "INFO", "config");
        Assert.StartsWith("*1\r\n*10\r\n$6\r\nconfig\r\n:-2\r\n*4\r\n+admin\r\n+noscript\r\n+loading\r\n+stale\r\n:0\r\n:0\r\n:0\r\n", raw);
        Assert.Contains("+@admin\r\n", raw);
        Assert.Contains("+@dangerous\r\n", raw);
    }

    [Fact]
    public async Task Docs_is_a_flat_map_of_summary_since_and_group()
    {
        using var client = await fixture.RawAsync();
        var reply = RespReply.Array(await client.CommandAsync("COMMAND", "DOCS", "time", "unknown-cmd", "echo"));
        Assert.Equal(4, reply.Count);
        Assert.Equal("time", reply[0]);
        Assert.Equal(new object?[] { "summary", "Returns the server time.", "since", "2.6.0", "group", "server" }, reply[1]);
        Assert.Equal("echo", reply[2]);
        var echo = (List<object?>)reply[3]!;
        Assert.Equal("group", echo[4]);
        Assert.Equal("connection", echo[5]);

        long count = (long)RespReply.Parse(await client.CommandAsync("COMMAND", "COUNT"))!;
        Assert.Equal(count * 2, RespReply.Array(await client.CommandAsync("COMMAND", "DOCS")).Count);
        Assert.Equal("*0\r\n", await client.CommandAsync("COMMAND", "DOCS", "nothing"));
    }

    [Fact]
    public async Task List_filters_by_pattern_acl_category_and_module()
    {
        using var client = await fixture.RawAsync();
        var pattern = RespReply.Array(await client.CommandAsync("COMMAND", "LIST", "FILTERBY", "PATTERN", "co[mn]*"));
        Assert.Equal(new[] { "command", "config" }, pattern.Cast<string>().Order().ToArray());
        var connection = RespReply.Array(await client.CommandAsync("COMMAND", "LIST", "filterby", "aclcat", "connection"));
        Assert.Contains("ping", connection);
        Assert.Contains("client", connection);
        Assert.DoesNotContain("config", connection);
        Assert.Equal("*0\r\n", await client.CommandAsync("COMMAND", "LIST", "FILTERBY", "MODULE", "RedisOnMySql.Kernel"));
        Assert.Equal("-ERR syntax error\r\n", await client.CommandAsync("COMMAND", "LIST", "FILTERBY", "COLOUR", "red"));
        Assert.Equal("-ERR syntax error\r\n", await client.CommandAsync("COMMAND", "LIST", "FILTERBY"));
    }

    [Fact]
    public async Task Getkeys_explains_why_there_are_no_keys()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR Invalid command specified\r\n", await client.CommandAsync("COMMAND", "GETKEYS", "nosuch", "a"));
        Assert.Equal("-ERR The command has no key arguments\r\n", await client.CommandAsync("COMMAND", "GETKEYS", "echo", "a"));
        Assert.Equal("-ERR wrong number of arguments for 'command|getkeys' command\r\n", await client.CommandAsync("COMMAND", "GETKEYS"));
    }

    [Fact]
    public async Task Wrong_arity_and_unknown_subcommands_answer_like_redis()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR wrong number of arguments for 'command|count' command\r\n", await client.CommandAsync("COMMAND", "COUNT", "x"));
        Assert.Equal("-ERR unknown subcommand 'bogus'. Try COMMAND HELP.\r\n", await client.CommandAsync("command", "bogus"));
        Assert.Contains("GETKEYS <full-command>", RespReply.Array(await client.CommandAsync("COMMAND", "HELP")));
    }
}
