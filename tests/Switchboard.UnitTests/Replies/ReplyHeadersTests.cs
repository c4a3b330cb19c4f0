using Switchboard.Core.Replies;

namespace Switchboard.UnitTests.Replies;

public sealed class ReplyHeadersTests
{
    [Theory]
    [InlineData("Printer jams", "Re: Printer jams")]
    [InlineData("RE: Printer jams", "Re: Printer jams")]
    [InlineData("AW: Re: Drucker", "Re: Drucker")]
    public void Subject_gets_one_Re_prefix(string subject, string expected) => Assert.Equal(expected, ReplyHeaders.Subject(subject));

    [Fact]
    public void References_keep_the_first_and_the_latest_ids()
    {
        var ids = Enumerable.Range(1, 30).Select(i => $"m{i}@example.com").ToList();

        var references = ReplyHeaders.References(ids)!.Split(' ');

        Assert.Equal(ReplyHeaders.MaxReferences, references.Length);
        Assert.Equal("<m1@example.com>", references[0]);
        Assert.Equal("<m12@example.com>", references[1]);
        Assert.Equal("<m30@example.com>", references[^1]);
    }

    [Fact]
    public void Thread_index_of_a_new_thread_is_22_bytes_and_each_reply_adds_a_5_byte_block_in_time_order()
    {
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var root = ThreadIndex.NewThread(start, Guid.NewGuid());

        var first = ThreadIndex.Reply(root, start.AddMinutes(5), 3);
        var second = ThreadIndex.Reply(first, start.AddHours(2), 3);

        Assert.Equal(22, root.Length);
        Assert.Equal(0x01, root[0]); // FILETIME of this century starts 0x01, as Outlook's reserved byte
        Assert.Equal(27, first.Length);
        Assert.Equal(32, second.Length);
        Assert.Equal(root, first[..22]);
        Assert.Equal(first, second[..27]);
        var firstDelta = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(first.AsSpan(22));
        var secondDelta = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(second.AsSpan(27));
        Assert.True(secondDelta > firstDelta);
        Assert.True(ThreadIndex.IsValid(second));
    }
}
