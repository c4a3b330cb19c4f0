using Switchboard.Handlers.KnowledgeBase.Contact;
using Switchboard.Handlers.KnowledgeBase.Public;

namespace Switchboard.Functions.KnowledgeBase;

/// <summary>
/// What the public knowledge base site posts: anonymous, rate-limited per client, with a honeypot field. Each answers
/// 202 and nothing more; none reads or shows agent data.
/// </summary>
public sealed class PublicKnowledgeBaseFunctions(
    PostArticleFeedback postFeedback, PostSearchMiss postSearchMiss, PostContactVisit postContactVisit, PostContact postContact)
{
    [Function(nameof(PostContact))]
    [Api("Public knowledge base", "The contact form {name, email, subject, message} as JSON, or a form post with an optional file 'attachment': becomes an inbound email (a conversation) and the visitor gets the team's confirmation.", typeof(PublicAccepted), Status = 202, Body = typeof(ContactFormBody), BodyContentTypes = ["application/json", "multipart/form-data"], Problems = [400, 413, 415, 429, 503])]
    public Task<IResult> PostContact(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/contact")] HttpRequest request,
        CancellationToken cancellationToken) =>
        postContact.HandleAsync(request, cancellationToken);

    [Function(nameof(PostArticleFeedback))]
    [Api("Public knowledge base", "A reader's vote on a published article {helpful, comment?}; a comment reaches the team with the article's feedback.", typeof(PublicAccepted), Status = 202, Body = typeof(FeedbackBody), Problems = [400, 404, 413, 415, 429])]
    public Task<IResult> PostArticleFeedback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/kb/{slug}/feedback")] HttpRequest request,
        string slug, CancellationToken cancellationToken) =>
        postFeedback.HandleAsync(request, slug, cancellationToken);

    [Function(nameof(PostSearchMiss))]
    [Api("Public knowledge base", "A search on the site that found nothing {query}: agents see the most frequent (what to write next).", typeof(PublicAccepted), Status = 202, Body = typeof(SearchMissBody), Problems = [400, 413, 415, 429])]
    public Task<IResult> PostSearchMiss(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/kb/search-misses")] HttpRequest request,
        CancellationToken cancellationToken) =>
        postSearchMiss.HandleAsync(request, cancellationToken);

    [Function(nameof(PostContactVisit))]
    [Api("Public knowledge base", "The contact form's beacon {session, event: visit|opened}: opening a suggested article and not writing in counts as deflected.", typeof(PublicAccepted), Status = 202, Body = typeof(ContactVisitBody), Problems = [400, 413, 415, 429])]
    public Task<IResult> PostContactVisit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/kb/contact-visits")] HttpRequest request,
        CancellationToken cancellationToken) =>
        postContactVisit.HandleAsync(request, cancellationToken);
}
