namespace RedisOnMySql.Kernel.Protocol;

/// <summary>Bounds a client request may not exceed; violations are protocol errors that close the connection.</summary>
/// <remarks>Only flat arrays of bulk strings are accepted, so <see cref="MaxDepth"/> is effectively 1; it stays as part of the configuration contract.</remarks>
public sealed record RespLimits(long MaxFrameSize, long MaxBulkLen, int MaxArrayLen, int MaxDepth, int MaxInlineLen = 64 * 1024);
