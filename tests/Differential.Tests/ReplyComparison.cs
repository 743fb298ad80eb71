namespace RedisOnMySql.Differential.Tests;

/// <summary>How a command line's replies from redis-server and the proxy are compared (the line's prefix).</summary>
public enum ReplyComparison
{
    /// <summary>No prefix: the whole raw reply, byte for byte.</summary>
    Exact,

    /// <summary><c>unordered:</c> arrays as multisets (elements sorted by their raw bytes, nested arrays too).</summary>
    Unordered,

    /// <summary><c>shape:</c> types, array lengths and nil-ness only, for random replies.</summary>
    Shape,

    /// <summary><c>unordered-scan:</c> a SCAN-family reply: the cursor by shape, the element array unordered.</summary>
    UnorderedScan,
}
