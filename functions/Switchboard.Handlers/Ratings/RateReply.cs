using System.Net;
using Switchboard.Core.Metrics;
using Switchboard.Handlers.Metrics;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Digest;
using Switchboard.Storage.Metrics;

namespace Switchboard.Handlers.Ratings;

/// <summary>
/// <c>GET /api/public/ratings/{token}</c>: a customer clicked great, okay or not good under a reply. The rating attaches
/// to the reply (one per reply: clicking again, the same or another, replaces it) and counts in the metrics on the day
/// the reply was sent; the page thanks them and offers a comment box. A token whose signature does not match is a 400.
/// </summary>
public sealed class RateReply(
    RatingLinks links, ConversationStore conversations, ConversationUpdater updater, RatingStore ratings, MetricsRecorder metrics, TimeProvider time)
{
    public async Task<IResult> HandleAsync(string token, CancellationToken cancellationToken = default)
    {
        if (links.Verify(token) is not { } rating)
        {
            return Problems.BadRequest("This rating link is not valid.", "token");
        }
        if (await conversations.GetMessageAsync(rating.ConversationId, rating.MessageRowKey, cancellationToken) is not { Direction: "outbound" } reply)
        {
            return Problems.NotFound("The reply this link rates no longer exists.");
        }
        await ratings.RateAsync(rating.ConversationId, rating.MessageRowKey, rating.Rating, time.GetUtcNow(), cancellationToken);
        // The inbox shows the latest rating: it lives on the head (and so on the inbox rows), not read per row.
        await updater.UpdateAsync(rating.ConversationId, conversation =>
        {
            conversation.Rate(rating.Rating);
            return ConversationEdit.HeadOnly;
        }, cancellationToken);
        await metrics.RecordAsync(reply.FromEmail, reply.SentAt, $"{MetricFactKinds.Rating}|{rating.MessageRowKey}",
            new MetricFact(MetricFactKinds.Rating, Rating: rating.Rating), cancellationToken: cancellationToken);
        var word = rating.Rating switch { Core.Metrics.Ratings.Great => "great", Core.Metrics.Ratings.Okay => "okay", _ => "not good" };
        return RatingPages.Html(200, "Thank you",
            $"<p>You rated our reply <strong>{word}</strong>. Changed your mind? Click another link in the email.</p>" +
            $"<form method=\"post\" action=\"{WebUtility.HtmlEncode(token)}/comment\"><label for=\"comment\">Anything you would like to add?</label>" +
            "<p><textarea id=\"comment\" name=\"comment\" rows=\"5\" cols=\"60\" maxlength=\"2000\"></textarea></p>" +
            "<button type=\"submit\">Send</button></form>");
    }
}

/// <summary><c>POST /api/public/ratings/{token}/comment</c> (form field <c>comment</c>): the customer's words on the reply they rated.</summary>
public sealed class CommentOnRating(RatingLinks links, RatingStore ratings, FeedbackCommentStore comments, TimeProvider time)
{
    public const int MaxCommentLength = 2000;

    public async Task<IResult> HandleAsync(HttpRequest request, string token, CancellationToken cancellationToken = default)
    {
        if (links.Verify(token) is not { } rating)
        {
            return Problems.BadRequest("This rating link is not valid.", "token");
        }
        var comment = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken))["comment"].FirstOrDefault()?.Trim() : null;
        if (string.IsNullOrEmpty(comment) || comment.Length > MaxCommentLength)
        {
            return Problems.BadRequest($"comment is required, at most {MaxCommentLength} characters.", "comment");
        }
        if (await ratings.GetAsync(rating.ConversationId, rating.MessageRowKey, cancellationToken) is not { } rated)
        {
            return Problems.NotFound("Rate the reply first, with a link in the email.");
        }
        await ratings.CommentAsync(rating.ConversationId, rating.MessageRowKey, comment, cancellationToken);
        // Among the week's comments for the digest, with the rating as it stands (not the link's: they may have changed their mind).
        await comments.AddAsync(new FeedbackComment(FeedbackSources.Rating, rating.MessageRowKey,
            rated.Rating == Core.Metrics.Ratings.Great ? true : rated.Rating == Core.Metrics.Ratings.NotGood ? false : null,
            "Rated " + rated.Rating.Replace('-', ' '), comment, time.GetUtcNow()), cancellationToken);
        return RatingPages.Html(200, "Thank you", "<p>Your comment reached the team.</p>");
    }
}

internal static class RatingPages
{
    public static IResult Html(int status, string title, string body) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
        $"<title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>",
        "text/html; charset=utf-8", statusCode: status);
}
