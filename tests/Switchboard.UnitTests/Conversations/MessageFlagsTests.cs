using Switchboard.Core.Conversations;

namespace Switchboard.UnitTests.Conversations;

public sealed class MessageFlagsTests
{
    [Fact]
    public void Flags_are_stored_as_their_names_in_a_fixed_order_and_read_back()
    {
        var flags = MessageFlags.NewParticipant | MessageFlags.AutoReply | MessageFlags.OwnMessage;

        Assert.Equal("auto-reply,own-message,new-participant", flags.ToStored());
        Assert.Equal(flags, MessageFlagNames.Parse("new-participant, auto-reply,own-message"));
    }

    [Fact]
    public void Every_flag_has_a_name_that_reads_back()
    {
        foreach (var flag in Enum.GetValues<MessageFlags>().Where(f => f != MessageFlags.None))
        {
            Assert.Equal(flag, MessageFlagNames.Parse(flag.ToStored()));
        }
    }

    [Fact]
    public void Nothing_stored_is_no_flags_and_unknown_names_are_ignored()
    {
        Assert.Equal(MessageFlags.None, MessageFlagNames.Parse(""));
        Assert.Equal(MessageFlags.Bounce, MessageFlagNames.Parse("bounce,from-the-future"));
        Assert.Empty(MessageFlags.None.ToNames());
    }
}
