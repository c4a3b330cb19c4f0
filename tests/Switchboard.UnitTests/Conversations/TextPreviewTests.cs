using Switchboard.Core.Conversations;

namespace Switchboard.UnitTests.Conversations;

public sealed class TextPreviewTests
{
    [Fact]
    public void Line_breaks_and_runs_of_spaces_become_one_space()
    {
        Assert.Equal("Hello there, the printer is on fire.", TextPreview.Of("  Hello there,\r\n\r\nthe printer\tis   on fire.\n"));
    }

    [Fact]
    public void A_long_text_is_cut_to_the_limit_with_an_ellipsis()
    {
        var preview = TextPreview.Of(new string('a', 500));

        Assert.Equal(TextPreview.MaxLength - 2, preview.Length);
        Assert.EndsWith("a…", preview);
    }

    [Fact]
    public void A_text_at_the_limit_is_kept_whole_and_nothing_gives_empty()
    {
        Assert.Equal(new string('b', TextPreview.MaxLength), TextPreview.Of(new string('b', TextPreview.MaxLength)));
        Assert.Equal("", TextPreview.Of(null));
    }
}
