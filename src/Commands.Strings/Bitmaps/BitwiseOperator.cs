using System.Numerics;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings.Bitmaps;

/// <summary>
/// BITOP's AND, OR, XOR and NOT, applied to one window of the result at a time: the first source starts it, each
/// further source is combined into it. A source shorter than the window reads as zeros past its end.
/// </summary>
internal sealed class BitwiseOperator
{
    public static readonly BitwiseOperator And = new(Kind.And);
    public static readonly BitwiseOperator Or = new(Kind.Or);
    public static readonly BitwiseOperator Xor = new(Kind.Xor);
    public static readonly BitwiseOperator Not = new(Kind.Not);

    private enum Kind { And, Or, Xor, Not }

    private readonly Kind _kind;

    private BitwiseOperator(Kind kind) => _kind = kind;

    public static BitwiseOperator Parse(ReadOnlySpan<byte> arg) =>
        RedisNumbers.EqualsIgnoreCase(arg, "and") ? And
        : RedisNumbers.EqualsIgnoreCase(arg, "or") ? Or
        : RedisNumbers.EqualsIgnoreCase(arg, "xor") ? Xor
        : RedisNumbers.EqualsIgnoreCase(arg, "not") ? Not
        : throw new RedisException(RedisErrors.Syntax);

    /// <summary>Fills <paramref name="window"/> from the first source (inverted for NOT).</summary>
    public void Start(Span<byte> window, ReadOnlySpan<byte> source)
    {
        source.CopyTo(window);
        window[source.Length..].Clear();
        if (_kind == Kind.Not) Invert(window);
    }

    /// <summary>Combines a further source into <paramref name="window"/>.</summary>
    public void Combine(Span<byte> window, ReadOnlySpan<byte> source)
    {
        var covered = window[..source.Length];
        int i = 0;
        for (; i <= covered.Length - Vector<byte>.Count; i += Vector<byte>.Count)
        {
            var a = new Vector<byte>(covered[i..]);
            var b = new Vector<byte>(source[i..]);
            Apply(a, b).CopyTo(covered[i..]);
        }
        for (; i < covered.Length; i++) covered[i] = Apply(covered[i], source[i]);
        if (_kind == Kind.And) window[source.Length..].Clear();
    }

    private Vector<byte> Apply(Vector<byte> a, Vector<byte> b) => _kind switch
    {
        Kind.And => a & b,
        Kind.Or => a | b,
        _ => a ^ b,
    };

    private byte Apply(byte a, byte b) => _kind switch
    {
        Kind.And => (byte)(a & b),
        Kind.Or => (byte)(a | b),
        _ => (byte)(a ^ b),
    };

    private static void Invert(Span<byte> window)
    {
        int i = 0;
        for (; i <= window.Length - Vector<byte>.Count; i += Vector<byte>.Count) (~new Vector<byte>(window[i..])).CopyTo(window[i..]);
        for (; i < window.Length; i++) window[i] = (byte)~window[i];
    }
}
