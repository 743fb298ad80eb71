using System.Buffers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Blocking;
using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Families.Server;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>
/// COMMAND GETKEYS over commands with keys. No family with keys ships with the kernel yet, so a stand-in family
/// declares MSET- and GET-shaped commands and the server family runs in-process against that table.
/// </summary>
public class CommandGetKeysTests
{
    private sealed class KeyedFamily : ICommandFamily
    {
        public string Name => "keyed";

        [RedisCommand("mset", -3, CommandFlags.Write | CommandFlags.DenyOom, 1, -1, 2, Group = "string")]
        [RedisCommand("get", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "string")]
        [RedisCommand("exists", -2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, -1, 1, Group = "generic")]
        public ValueTask Handle(CommandContext ctx) => ValueTask.CompletedTask;
    }

    private static async Task<string> RunAsync(params string[] args) =>
        Encoding.UTF8.GetString(await RunAsync(args.Select(Encoding.UTF8.GetBytes).ToArray()));

    private static async Task<byte[]> RunAsync(params byte[][] args)
    {
        var policy = new RetryPolicy(1, 1, 1, 0);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new ProxyOptions())
            .AddSingleton<BackendPools>()
            .AddSingleton(new RetryPolicies(policy, policy))
            .AddSingleton<IHostApplicationLifetime, ApplicationLifetime>()
            .AddSingleton<EventFeed>()
            .AddSingleton<BlockingRegistry>()
            .AddSingleton<RuntimeConfig>()
            .AddSingleton<ClientRegistry>()
            .AddSingleton<ServerStats>()
            .AddSingleton<ICommandFamily, ServerCommands>()
            .AddSingleton<ICommandFamily, KeyedFamily>();
        services.AddSingleton(sp => CommandTable.Build(sp.GetServices<ICommandFamily>(), new FamiliesOptions(), []));
        using var provider = services.BuildServiceProvider();
        var dispatcher = new CommandDispatcher(provider.GetRequiredService<CommandTable>(), new ServerStats(),
            new SlowLog(provider.GetRequiredService<RuntimeConfig>()), new ClientPauses(), new MonitorFeed(), NullLogger<CommandDispatcher>.Instance);
        var session = new ClientSession(1, null, null);
        session.SignIn("tenantA:alice", "tenantA",
            new SqlExecutor(new BackendPool("alice", "Server=127.0.0.1"), new SqlScope("tenantA", 0), new RetryPolicies(policy, policy)));
        var output = new ArrayBufferWriter<byte>();
        var context = new CommandContext(session, new RespWriter(output), provider.GetRequiredService<BlockingRegistry>());
        await dispatcher.ExecuteAsync(context, args.ToList());
        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public async Task Mset_like_commands_yield_every_other_argument()
    {
        Assert.Equal("*2\r\n$1\r\na\r\n$1\r\nb\r\n", await RunAsync("COMMAND", "GETKEYS", "MSET", "a", "1", "b", "2"));
        Assert.Equal("*3\r\n$1\r\nx\r\n$1\r\ny\r\n$1\r\nz\r\n", await RunAsync("COMMAND", "GETKEYS", "exists", "x", "y", "z"));
    }

    [Fact]
    public async Task Binary_keys_come_back_byte_for_byte()
    {
        byte[] key = [(byte)'k', 0, (byte)'\r', (byte)'\n', 0xff];
        var reply = await RunAsync("COMMAND"u8.ToArray(), "GETKEYS"u8.ToArray(), "GET"u8.ToArray(), key);
        byte[] expected = [.. "*1\r\n$5\r\n"u8, .. key, .. "\r\n"u8];
        Assert.Equal(expected, reply);
    }

    [Fact]
    public async Task Arity_of_the_inspected_command_is_checked()
    {
        Assert.Equal("-ERR Invalid number of arguments specified for command\r\n", await RunAsync("COMMAND", "GETKEYS", "get", "a", "b"));
        Assert.Equal("-ERR Invalid number of arguments specified for command\r\n", await RunAsync("COMMAND", "GETKEYS", "mset", "a"));
    }

    [Fact]
    public async Task Command_info_reports_key_positions_and_categories_from_the_table()
    {
        var reply = RespReply.Array(await RunAsync("COMMAND", "INFO", "mset", "get"));
        var mset = (List<object?>)reply[0]!;
        Assert.Equal(new object?[] { "mset", -3L, new List<object?> { "write", "denyoom" }, 1L, -1L, 2L }, mset.Take(6));
        Assert.Equal(new object?[] { "@write", "@string", "@slow" }, mset[6]);
        var get = (List<object?>)reply[1]!;
        Assert.Equal(new object?[] { "@read", "@string", "@fast" }, get[6]);
        var stringCommands = RespReply.Array(await RunAsync("COMMAND", "LIST", "FILTERBY", "ACLCAT", "string"));
        Assert.Equal(new[] { "get", "mset" }, stringCommands.Cast<string>().Order().ToArray());
    }
}
