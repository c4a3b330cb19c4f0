namespace Switchboard.Core.Nps;

/// <summary>Why a closed conversation's customer is or is not asked the NPS question.</summary>
public enum NpsSurveyDecision
{
    Send,
    /// <summary>The customer was surveyed less than <see cref="NpsSurveyRule.Quiet"/> ago.</summary>
    AskedRecently,
    /// <summary>Auto-replies, bounces and list mail: nobody would answer, and we must not write to machines.</summary>
    AutomaticSender,
    /// <summary>The conversation has no customer address.</summary>
    NoAddress,
    /// <summary>It was reopened (or is no longer closed): the survey waits for the next close.</summary>
    NotClosed,
}

/// <summary>Whether a survey goes out: at most once per customer per 90 days, never to automatic or list senders.</summary>
public static class NpsSurveyRule
{
    public static readonly TimeSpan Quiet = TimeSpan.FromDays(90);

    /// <param name="automatic">Every mail the customer sent in the conversation was automatic or list mail.</param>
    /// <param name="lastSurveyedAt">When this customer (any mailbox) was last sent a survey.</param>
    public static NpsSurveyDecision Decide(string customerEmail, bool automatic, bool stillClosed, DateTimeOffset? lastSurveyedAt, DateTimeOffset now) =>
        customerEmail.Length == 0 ? NpsSurveyDecision.NoAddress
        : automatic ? NpsSurveyDecision.AutomaticSender
        : !stillClosed ? NpsSurveyDecision.NotClosed
        : lastSurveyedAt is { } last && now - last < Quiet ? NpsSurveyDecision.AskedRecently
        : NpsSurveyDecision.Send;
}
