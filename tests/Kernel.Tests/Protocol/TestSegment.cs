using System.Buffers;

namespace RedisOnMySql.Kernel.Tests.Protocol;

/// <summary>Builds multi-segment sequences, the shape a pipe hands over when a request spans several reads.</summary>
internal sealed class TestSegment : ReadOnlySequenceSegment<byte>
{
    private TestSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Sequence(params byte[][] parts)
    {
        var first = new TestSegment(parts[0], 0);
        var last = first;
        foreach (byte[] part in parts.Skip(1))
        {
            var next = new TestSegment(part, last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Splits <paramref name="bytes"/> into segments at each of the given offsets.</summary>
    public static ReadOnlySequence<byte> SplitAt(byte[] bytes, params int[] offsets)
    {
        var parts = new List<byte[]>();
        int start = 0;
        foreach (int offset in offsets)
        {
            parts.Add(bytes[start..offset]);
            start = offset;
        }
        parts.Add(bytes[start..]);
        return Sequence([.. parts]);
    }
}
