namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// A payload that does not decode. Thrown deep inside the readers so they stay straight-line code, and always caught
/// by <see cref="DumpPayload.TryDecode"/>, which turns it into a <see cref="DumpPayloadError"/>.
/// </summary>
internal sealed class RdbFormatException(string message) : Exception(message);
