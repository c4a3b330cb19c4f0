namespace Switchboard.Tests.Proof;

public sealed class ProofScaleTests
{
    [Theory]
    [InlineData(null, 40)]
    [InlineData("", 40)]
    [InlineData(" 120 ", 120)]
    public void A_proof_runs_the_quick_default_unless_the_variable_asks_for_more(string? text, int expected) =>
        Assert.Equal(expected, ProofScale.Parse("SWITCHBOARD_CRASH_MESSAGES", text, quick: 40));

    [Theory]
    [InlineData("lots")]
    [InlineData("-3")]
    [InlineData("0")]
    [InlineData("2.5")]
    public void A_bad_value_fails_naming_the_variable_instead_of_running_the_quick_variant(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => ProofScale.Parse("SWITCHBOARD_CRASH_KILLS", text, quick: 1));
        Assert.Contains("SWITCHBOARD_CRASH_KILLS", error.Message, StringComparison.Ordinal);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }
}
