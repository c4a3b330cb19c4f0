using Switchboard.Core.Conversations;

namespace Switchboard.UnitTests.Conversations;

public sealed class MentionsAndTagsTests
{
    [Theory]
    [InlineData("@ada please look", new[] { "ada" })]
    [InlineData("Thanks @Ada.L.", new[] { "ada.l" })]
    [InlineData("(@AdaLovelace) and @bob_", new[] { "adalovelace", "bob" })]
    [InlineData("mail ada@acme.test instead", new string[0])]
    [InlineData("@ada @ADA", new[] { "ada" })]
    public void Finds_handles_after_a_space_or_bracket(string text, string[] expected) =>
        Assert.Equal(expected.Order(), Mentions.Find(text).Order());

    [Fact]
    public void Agent_answers_to_display_name_without_spaces_and_email_local_part() =>
        Assert.Equal(["adalovelace", "ada.l"], Mentions.HandlesOf("Ada Lovelace", "Ada.L@acme.test"));

    [Fact]
    public void Tags_are_lower_case_hyphenated_and_distinct()
    {
        var (tags, problem) = ConversationTags.Normalize([" Billing ", "Needs  Reply", "billing", "été"]);

        Assert.Null(problem);
        Assert.Equal(["billing", "needs-reply", "été"], tags);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("")]
    [InlineData("#vip")]
    public void Tags_with_separators_or_nothing_in_them_are_refused(string tag) =>
        Assert.NotNull(ConversationTags.Normalize([tag]).Problem);
}
