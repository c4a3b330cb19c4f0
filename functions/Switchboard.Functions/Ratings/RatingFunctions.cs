using Switchboard.Handlers.Ratings;

namespace Switchboard.Functions.Ratings;

/// <summary>The one-click satisfaction links under replies (public: the signed token is the authority).</summary>
public sealed class RatingFunctions(RateReply rateReply, CommentOnRating commentOnRating)
{
    [Function(nameof(RateReply))]
    [Api("Ratings", "A customer rates a reply (great, okay, not good) from the link in the email; clicking again changes it. 400 tampered link.", typeof(string), ContentType = "text/html", Problems = [400, 404])]
    public Task<IResult> RateReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/public/ratings/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        rateReply.HandleAsync(token, cancellationToken);

    [Function(nameof(CommentOnRating))]
    [Api("Ratings", "The customer's optional comment on the reply they rated (form field comment).", typeof(string), ContentType = "text/html", Problems = [400, 404])]
    public Task<IResult> CommentOnRating(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/ratings/{token}/comment")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        commentOnRating.HandleAsync(request, token, cancellationToken);
}
