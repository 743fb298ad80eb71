using RedisOnMySql.Kernel.Events;

namespace RedisOnMySql.Kernel.Tests.Events;

public class EventCursorTests
{
    [Fact]
    public void Ids_skipped_over_are_gaps_until_they_arrive_and_are_delivered_once()
    {
        var cursor = new EventCursor();
        cursor.Start(5);
        Assert.True(cursor.Accept(5, 0));
        Assert.True(cursor.Accept(8, 0));
        Assert.Equal([6UL, 7UL], cursor.Gaps);
        Assert.True(cursor.Accept(7, 1));
        Assert.False(cursor.Accept(7, 1));
        Assert.False(cursor.Accept(8, 1));
        Assert.Equal([6UL], cursor.Gaps);
        Assert.Equal(8UL, cursor.After);
    }

    [Fact]
    public void A_gap_that_never_fills_is_forgotten_after_the_timeout()
    {
        var cursor = new EventCursor();
        cursor.Start(1);
        cursor.Accept(1, 0);
        cursor.Accept(3, 0);
        cursor.TrimGaps(EventCursor.GapTimeoutMs);
        Assert.Equal([2UL], cursor.Gaps);
        cursor.TrimGaps(EventCursor.GapTimeoutMs + 1);
        Assert.Empty(cursor.Gaps);
        Assert.False(cursor.Accept(2, EventCursor.GapTimeoutMs + 2));
    }

    [Fact]
    public void At_most_MaxGaps_are_kept_and_the_newest_survive()
    {
        var cursor = new EventCursor();
        cursor.Start(1);
        cursor.Accept(1, 0);
        cursor.Accept(1000, 0);
        Assert.Equal(EventCursor.MaxGaps, cursor.Gaps.Count);
        Assert.Equal(1000UL - (ulong)EventCursor.MaxGaps, cursor.Gaps.First());
        cursor.Accept(1100, 0);
        Assert.Equal(EventCursor.MaxGaps, cursor.Gaps.Count);
        Assert.Equal(1099UL, cursor.Gaps.Last());
    }

    [Fact]
    public void Starting_on_an_empty_feed_reads_from_the_first_id()
    {
        var cursor = new EventCursor();
        cursor.Start(0);
        Assert.True(cursor.Started);
        Assert.True(cursor.Accept(1, 0));
        Assert.Empty(cursor.Gaps);
    }
}
