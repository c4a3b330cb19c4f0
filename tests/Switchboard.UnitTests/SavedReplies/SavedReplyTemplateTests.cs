using Switchboard.Core.SavedReplies;

namespace Switchboard.UnitTests.SavedReplies;

public sealed class SavedReplyTemplateTests
{
    private static readonly SavedReplyValues Known = new("Ana Pereira", "ana@example.com", "Ada Lovelace", "Invoice 2291 is wrong");

    [Fact]
    public void Every_placeholder_is_filled_in()
    {
        var text = SavedReplyTemplate.Render(
            "Hi {{customer.firstName}} ({{customer.name}}, {{customer.email}}), about \"{{conversation.subject}}\" — {{agent.firstName}} / {{agent.name}}",
            Known);

        Assert.Equal("Hi Ana (Ana Pereira, ana@example.com), about \"Invoice 2291 is wrong\" — Ada / Ada Lovelace", text);
    }

    [Fact]
    public void Spaces_and_letter_case_inside_the_braces_do_not_matter()
    {
        Assert.Equal("Hi Ana", SavedReplyTemplate.Render("Hi {{ Customer.FirstName }}", Known));
    }

    [Fact]
    public void Unknown_values_fall_back_to_phrases_that_read_well()
    {
        var text = SavedReplyTemplate.Render(
            "Hi {{customer.firstName}}, re {{conversation.subject}}. <{{customer.email}}> {{agent.name}}", new SavedReplyValues(" ", null, null, ""));

        Assert.Equal("Hi there, re your message. <> The support team", text);
    }

    [Theory]
    [InlineData("Pereira, Ana", "Ana")]
    [InlineData("\"Ana\"", "Ana")]
    [InlineData("ana", "ana")]
    public void First_name_is_the_given_name(string name, string expected)
    {
        Assert.Equal(expected, SavedReplyTemplate.FirstName(name));
    }

    [Fact]
    public void Unknown_placeholders_are_listed_once_each_as_written()
    {
        Assert.Equal(["customer.phone", "ticket"],
            SavedReplyTemplate.UnknownPlaceholders("{{customer.phone}} {{ ticket }} {{customer.phone}} {{customer.name}} {single}"));
    }
}
