using System.Globalization;
using System.Net;
using Switchboard.Core.Metrics;
using Switchboard.Handlers.Metrics;
using Switchboard.Storage.Digest;
using Switchboard.Storage.Nps;

namespace Switchboard.Handlers.Nps;

/// <summary>
/// <c>GET /api/public/nps/{token}</c>: the customer clicked a score in the survey email. The answer is the survey's
/// (clicking another score changes it) and counts in the metrics on the day of the first click, so a change of mind
/// replaces it there; the page thanks them and offers a comment box. A token whose signature does not match is a 400.
/// </summary>
public sealed class AnswerNpsSurvey(NpsSurveyLinks links, NpsSurveyStore surveys, MetricsRecorder metrics, TimeProvider time)
{
    public async Task<IResult> HandleAsync(string token, CancellationToken cancellationToken = default)
    {
        if (links.Verify(token) is not { } answer)
        {
            return Problems.BadRequest("This survey link is not valid.", "token");
        }
        if (await surveys.GetAsync(answer.SurveyId, cancellationToken) is not { } survey)
        {
            return Problems.NotFound("This survey no longer exists.");
        }
        var now = time.GetUtcNow();
        survey.Score = answer.Score;
        survey.AnsweredAt = now;
        survey.FirstAnsweredAt ??= now;
        await surveys.SaveAsync(survey, cancellationToken);
        await metrics.RecordAsync(survey.Mailbox, survey.FirstAnsweredAt.Value, $"{MetricFactKinds.Nps}|{survey.PartitionKey}",
            new MetricFact(MetricFactKinds.Nps, Score: answer.Score), cancellationToken: cancellationToken);
        return NpsPages.Html("Thank you",
            $"<p>You answered <strong>{answer.Score.ToString(CultureInfo.InvariantCulture)}</strong> out of 10. Changed your mind? Click another number in the email.</p>" +
            $"<form method=\"post\" action=\"{WebUtility.HtmlEncode(token)}/comment\"><label for=\"comment\">What is the main reason for your score?</label>" +
            $"<p><textarea id=\"comment\" name=\"comment\" rows=\"5\" cols=\"60\" maxlength=\"{CommentOnNpsSurvey.MaxCommentLength}\"></textarea></p>" +
            "<button type=\"submit\">Send</button></form>");
    }
}

/// <summary>
/// <c>POST /api/public/nps/{token}/comment</c> (form field <c>comment</c>): why they gave their score. Kept on the survey
/// and among the week's comments for the digest.
/// </summary>
public sealed class CommentOnNpsSurvey(NpsSurveyLinks links, NpsSurveyStore surveys, FeedbackCommentStore comments, TimeProvider time)
{
    public const int MaxCommentLength = 2000;

    public async Task<IResult> HandleAsync(HttpRequest request, string token, CancellationToken cancellationToken = default)
    {
        if (links.Verify(token) is not { } answer)
        {
            return Problems.BadRequest("This survey link is not valid.", "token");
        }
        var comment = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken))["comment"].FirstOrDefault()?.Trim() : null;
        if (string.IsNullOrEmpty(comment) || comment.Length > MaxCommentLength)
        {
            return Problems.BadRequest($"comment is required, at most {MaxCommentLength} characters.", "comment");
        }
        if (await surveys.GetAsync(answer.SurveyId, cancellationToken) is not { Score: { } score } survey)
        {
            return Problems.NotFound("Answer the survey first, with a link in the email.");
        }
        survey.Comment = comment;
        await surveys.SaveAsync(survey, cancellationToken);
        await comments.AddAsync(new FeedbackComment(FeedbackSources.Nps, survey.PartitionKey, score >= 9 ? true : score <= 6 ? false : null,
            $"NPS {score.ToString(CultureInfo.InvariantCulture)}/10", comment, time.GetUtcNow()), cancellationToken);
        return NpsPages.Html("Thank you", "<p>Your comment reached the team.</p>");
    }
}

internal static class NpsPages
{
    public static IResult Html(string title, string body) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
        $"<title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>",
        "text/html; charset=utf-8");
}
