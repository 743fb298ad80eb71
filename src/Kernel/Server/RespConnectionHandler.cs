using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Server;

/// <summary>
/// One Redis client connection over Kestrel's pipes: parse every complete request in what arrived, run them in
/// order, and flush all their replies at once. A protocol error answers and closes only this connection.
/// </summary>
public sealed class RespConnectionHandler(
    CommandDispatcher dispatcher,
    ClientRegistry clients,
    ServerStats stats,
    ProxyOptions options,
    Authenticator authenticator,
    IHostApplicationLifetime lifetime,
    ILogger<RespConnectionHandler> logger) : ConnectionHandler
{
    private readonly RespLimits _limits = new(options.Server.MaxFrameSize, options.Server.MaxBulkLen,
        options.Server.MaxArrayLen, options.Server.MaxDepth);

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        stats.ConnectionReceived();
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        var session = clients.TryOpen(connection.RemoteEndPoint, connection.LocalEndPoint, options.Server.MaxConnections);
        if (session == null)
        {
            stats.ConnectionRejected();
            output.Write("-ERR max number of clients reached\r\n"u8);
            await output.FlushAsync().ConfigureAwait(false);
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(session.Killed, lifetime.ApplicationStopping,
            connection.ConnectionClosed);
        try
        {
            await SignInDefaultUserAsync(session).ConfigureAwait(false);
            await ServeAsync(session, input, output, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { }
        catch (ConnectionResetException) { }
        catch (Exception e)
        {
            logger.LogWarning(e, "Connection {Id} failed", session.Id);
        }
        finally
        {
            clients.Close(session);
        }
    }

    private async Task SignInDefaultUserAsync(ClientSession session)
    {
        if (string.IsNullOrEmpty(options.Auth.DefaultUser)) return;
        try
        {
            await authenticator.SignInAsync(session, options.Auth.DefaultUser, options.Auth.DefaultPassword ?? "").ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            logger.LogWarning("Default user {User} could not sign in: {Error}", options.Auth.DefaultUser, e.Message);
        }
    }

    private async Task ServeAsync(ClientSession session, PipeReader input, PipeWriter output, CancellationTokenSource stop)
    {
        var writer = new RespWriter(output);
        var context = new CommandContext(session, writer);
        var args = new List<byte[]>();
        int idleMs = options.Server.IdleTimeoutMs;
        int partialMs = options.Server.ReadTimeoutMs;
        bool partialRequest = false;
        int maxInflight = Math.Max(1, options.Server.MaxInflight);
        while (true)
        {
            // idle_timeout_ms bounds the wait for a new request; read_timeout_ms the wait for the rest of a started one.
            using var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            int waitMs = partialRequest && partialMs > 0 ? partialMs : idleMs;
            if (waitMs > 0) readTimeout.CancelAfter(waitMs);
            ReadResult read;
            try
            {
                read = await input.ReadAsync(readTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                return; // timed out: Redis closes silently
            }
            var buffer = read.Buffer;
            int executed = 0;
            try
            {
                while (!session.CloseRequested && RespRequestParser.TryParse(ref buffer, _limits, args))
                {
                    if (args.Count == 0) continue;
                    // The list is reused for the next request: handlers must not keep it past their command.
                    await dispatcher.ExecuteAsync(context, args).ConfigureAwait(false);
                    if (++executed % maxInflight == 0) await FlushAsync(output, writer).ConfigureAwait(false);
                }
            }
            catch (RespProtocolException e)
            {
                writer.WriteError("ERR Protocol error: " + e.Message);
                await FlushAsync(output, writer).ConfigureAwait(false);
                return;
            }
            stats.BytesIn(read.Buffer.Length - buffer.Length);
            partialRequest = !buffer.IsEmpty;
            input.AdvanceTo(buffer.Start, buffer.End);
            await FlushAsync(output, writer).ConfigureAwait(false);
            if (session.CloseRequested || read.IsCompleted || read.IsCanceled) return;
        }
    }

    private async ValueTask FlushAsync(PipeWriter output, RespWriter writer)
    {
        stats.BytesOut(writer.BytesWritten);
        writer.Reset(output);
        using var timeout = new CancellationTokenSource();
        if (options.Server.WriteTimeoutMs > 0) timeout.CancelAfter(options.Server.WriteTimeoutMs);
        await output.FlushAsync(timeout.Token).ConfigureAwait(false);
    }
}
