using Switchboard.Core.Nps;

namespace Switchboard.UnitTests.Nps;

public sealed class NpsSurveyRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_customer_never_surveyed_is_asked() =>
        Assert.Equal(NpsSurveyDecision.Send, NpsSurveyRule.Decide("dana@example.com", automatic: false, stillClosed: true, null, Now));

    [Fact]
    public void A_customer_surveyed_89_days_ago_is_not_asked_again_but_after_90_days_is()
    {
        Assert.Equal(NpsSurveyDecision.AskedRecently, NpsSurveyRule.Decide("dana@example.com", false, true, Now.AddDays(-89), Now));
        Assert.Equal(NpsSurveyDecision.Send, NpsSurveyRule.Decide("dana@example.com", false, true, Now.AddDays(-90), Now));
    }

    [Fact]
    public void Automatic_and_list_senders_are_never_asked() =>
        Assert.Equal(NpsSurveyDecision.AutomaticSender, NpsSurveyRule.Decide("noreply@example.com", automatic: true, stillClosed: true, null, Now));

    [Fact]
    public void A_reopened_conversation_is_not_surveyed() =>
        Assert.Equal(NpsSurveyDecision.NotClosed, NpsSurveyRule.Decide("dana@example.com", false, stillClosed: false, null, Now));
}

public sealed class SignedTokenTests
{
    private static readonly byte[] Key = new byte[32];

    [Fact]
    public void A_signed_value_verifies_to_itself()
    {
        var tokens = new SignedToken(Key, "nps");
        Assert.Equal("s1|c123|dana@example.com", tokens.Verify(tokens.Sign("s1|c123|dana@example.com")));
    }

    [Fact]
    public void A_tampered_value_or_signature_does_not_verify()
    {
        var tokens = new SignedToken(Key, "nps");
        var token = tokens.Sign("survey-1");
        var other = tokens.Sign("survey-2");

        Assert.Null(tokens.Verify(other[..other.IndexOf('.')] + token[token.IndexOf('.')..]));
        Assert.Null(tokens.Verify(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(tokens.Verify("no-signature"));
        Assert.Null(tokens.Verify(null));
    }

    [Fact]
    public void A_token_for_one_purpose_is_refused_by_another() =>
        Assert.Null(new SignedToken(Key, "rating").Verify(new SignedToken(Key, "nps").Sign("survey-1")));
}
