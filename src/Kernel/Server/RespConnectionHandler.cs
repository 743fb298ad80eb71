using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Blocking;
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
    BlockingRegistry blocking,
    RuntimeConfig runtime,
    IHostApplicationLifetime lifetime,
    ILogger<RespConnectionHandler> logger) : ConnectionHandler
{
    private RespLimits? _limits;
    private long _limitsVersion = -1;

    /// <summary>
    /// The request limits as client-query-buffer-limit and proto-max-bulk-len are now (CONFIG SET changes them for
    /// requests read from then on), built again only after they change.
    /// </summary>
    private RespLimits Limits
    {
        get
        {
            var limits = _limits;
            if (limits is null || _limitsVersion != runtime.Version)
            {
                _limitsVersion = runtime.Version;
                _limits = limits = new RespLimits(runtime.ClientQueryBufferLimit, runtime.ProtoMaxBulkLen,
                    options.Server.MaxArrayLen, options.Server.MaxDepth);
            }
            return limits;
        }
    }

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        stats.ConnectionReceived();
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        var session = clients.TryOpen(connection.RemoteEndPoint, connection.LocalEndPoint);
        if (session == null)
        {
            stats.ConnectionRejected();
            output.Write("-ERR max number of clients reached\r\n"u8);
            await output.FlushAsync().ConfigureAwait(false);
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(session.Killed, lifetime.ApplicationStopping,
            connection.ConnectionClosed);
        session.Disconnected = stop.Token;
        try
        {
            await SignInDefaultUserAsync(session).ConfigureAwait(false);
            await ServeAsync(session, input, output, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { }
        catch (ConnectionResetException) { }
        catch (TimeoutException) { } // write_timeout_ms: the client stopped reading; Redis closes it silently too
        catch (Exception e)
        {
            logger.LogWarning(e, "Connection {Id} failed", session.Id);
        }
        finally
        {
            await LeaveAsync(session).ConfigureAwait(false);
            clients.Close(session);
        }
    }

    /// <summary>Resets the families' state of a closed connection (its subscriptions are left); a failure is only logged.</summary>
    private async Task LeaveAsync(ClientSession session)
    {
        try
        {
            await session.ResetStatesAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogWarning("Connection {Id} could not release its state: {Message}", session.Id, e.Message);
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
        var context = new CommandContext(session, writer, blocking);
        // A push interrupts the wait for input; the loop writes pushes between replies, as the only writer.
        session.Pushes.OnPush(input.CancelPendingRead);
        var requests = new List<List<byte[]>>();
        var plans = new List<CommandPlan>();
        int partialMs = options.Server.ReadTimeoutMs;
        bool partialRequest = false;
        int maxInflight = Math.Max(1, options.Server.MaxInflight);
        while (true)
        {
            // idle_timeout_ms bounds the wait for a new request; read_timeout_ms the wait for the rest of a started one.
            // As in Redis, the idle timeout does not apply to a client in the subscribed context; CONFIG SET timeout
            // applies to connected clients too.
            int idleMs = (int)Math.Min(runtime.IdleTimeoutMs, int.MaxValue);
            int waitMs = partialRequest && partialMs > 0 ? partialMs : session.IsSubscribed ? 0 : idleMs;
            ReadResult read;
            try
            {
                read = waitMs > 0
                    ? await ReadWithinAsync(input, waitMs, stop.Token).ConfigureAwait(false)
                    : await input.ReadAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                return; // timed out: Redis closes silently
            }
            var buffer = read.Buffer;
            RespProtocolException? protocolError = null;
            do
            {
                // Up to max_inflight requests are parsed first, so consecutive planned commands can share one round trip.
                requests.Clear();
                try
                {
                    var args = new List<byte[]>();
                    while (requests.Count < maxInflight && RespRequestParser.TryParse(ref buffer, Limits, args))
                    {
                        if (args.Count == 0) continue;
                        requests.Add(args);
                        args = new List<byte[]>();
                    }
                }
                catch (RespProtocolException e)
                {
                    protocolError = e;
                }
                await ExecuteAsync(context, requests, plans).ConfigureAwait(false);
                session.Pushes.DrainTo(writer);
                if (requests.Count == maxInflight) await FlushAsync(output, writer).ConfigureAwait(false);
            } while (requests.Count == maxInflight && protocolError == null && !session.CloseRequested);

            if (protocolError != null && !session.CloseRequested)
            {
                writer.WriteError("ERR Protocol error: " + protocolError.Message);
                await FlushAsync(output, writer).ConfigureAwait(false);
                return;
            }
            stats.BytesIn(read.Buffer.Length - buffer.Length);
            partialRequest = !buffer.IsEmpty;
            input.AdvanceTo(buffer.Start, buffer.End);
            await FlushAsync(output, writer).ConfigureAwait(false);
            if (session.CloseRequested || read.IsCompleted) return;
        }
    }

    /// <summary>
    /// Runs requests in order: a run of consecutive requests whose commands have a plan goes to MySQL as one
    /// batch; every other request runs through its handler. Nothing runs after QUIT.
    /// </summary>
    private async ValueTask ExecuteAsync(CommandContext context, List<List<byte[]>> requests, List<CommandPlan> plans)
    {
        for (int i = 0; i < requests.Count && !context.Session.CloseRequested;)
        {
            plans.Clear();
            int first = i;
            while (i < requests.Count && dispatcher.TryPlan(context, requests[i]) is { } plan)
            {
                plans.Add(plan);
                i++;
            }
            if (plans.Count > 0) await dispatcher.ExecuteBatchAsync(context, plans, requests, first).ConfigureAwait(false);
            if (i < requests.Count) await ExecuteOneAsync(context, requests[i++]).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one request through its handler, then ends a CLIENT REPLY SKIP that applied to it, or arms one it set.</summary>
    private async ValueTask ExecuteOneAsync(CommandContext context, List<byte[]> request)
    {
        var session = context.Session;
        var before = session.Replies;
        await dispatcher.ExecuteAsync(context, request).ConfigureAwait(false);
        if (session.Replies == ReplyMode.SkipNext) session.Replies = ReplyMode.Skip;
        else if (before == ReplyMode.Skip && session.Replies == ReplyMode.Skip)
        {
            session.Replies = ReplyMode.On;
            context.Reply.Muted = false;
        }
    }

    private static async ValueTask<ReadResult> ReadWithinAsync(PipeReader input, int waitMs, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(waitMs);
        return await input.ReadAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the replies. A flush that does not complete at once (the client is not reading) may take up to
    /// write_timeout_ms; then a <see cref="TimeoutException"/> closes the connection. Only such a flush needs a timer.
    /// </summary>
    private async ValueTask FlushAsync(PipeWriter output, RespWriter writer)
    {
        stats.BytesOut(writer.BytesWritten);
        writer.Reset(output);
        var flush = output.FlushAsync();
        if (flush.IsCompleted || options.Server.WriteTimeoutMs <= 0)
        {
            await flush.ConfigureAwait(false);
            return;
        }
        await flush.AsTask().WaitAsync(TimeSpan.FromMilliseconds(options.Server.WriteTimeoutMs)).ConfigureAwait(false);
    }
}
