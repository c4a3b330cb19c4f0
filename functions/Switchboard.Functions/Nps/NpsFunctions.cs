using Switchboard.Core;
using Switchboard.Handlers.Nps;

namespace Switchboard.Functions.Nps;

/// <summary>NPS surveys: the delayed survey after a close, and the public one-click answer pages (the signed token is the authority).</summary>
public sealed class NpsFunctions(PoisonQueue poisonQueue, SendNpsSurvey sendNpsSurvey, AnswerNpsSurvey answerNpsSurvey, CommentOnNpsSurvey commentOnNpsSurvey)
{
    [Function(nameof(SendNpsSurvey))]
    public Task SendNpsSurvey([QueueTrigger(QueueNames.NpsSurveys)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.NpsSurveys, message, sendNpsSurvey.HandleAsync, cancellationToken);

    [Function(nameof(AnswerNpsSurvey))]
    [Api("NPS", "A customer answers the NPS survey (0-10) from the link in the email; clicking another score changes it. 400 tampered link.", typeof(string), ContentType = "text/html", Problems = [400, 404])]
    public Task<IResult> AnswerNpsSurvey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/public/nps/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        answerNpsSurvey.HandleAsync(token, cancellationToken);

    [Function(nameof(CommentOnNpsSurvey))]
    [Api("NPS", "The customer's optional comment on their NPS answer (form field comment).", typeof(string), ContentType = "text/html", Problems = [400, 404])]
    public Task<IResult> CommentOnNpsSurvey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/nps/{token}/comment")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        commentOnNpsSurvey.HandleAsync(request, token, cancellationToken);
}
