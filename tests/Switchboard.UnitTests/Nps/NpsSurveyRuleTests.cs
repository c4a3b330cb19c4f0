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
