using Switchboard.Core.KnowledgeBase;
using Switchboard.Handlers.Auth;

namespace Switchboard.Handlers.KnowledgeBase;

/// <summary><c>POST /api/kb/articles</c>: a new article (draft unless a status is given), 201 with its ETag.</summary>
public sealed class CreateArticle(ArticleAuthoring authoring)
{
    public async Task<IResult> HandleAsync(Agent agent, ArticleInput input, CancellationToken cancellationToken = default) =>
        ArticleRules.Check(input, creating: true)
            ?? ArticleResults.Of(await authoring.CreateAsync(input, agent, cancellationToken), "", created: true);
}

/// <summary><c>PUT /api/kb/articles/{id}</c> with <c>If-Match</c>: saves the given fields as a new revision, or 409 with what changed.</summary>
public sealed class UpdateArticle(ArticleAuthoring authoring)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, ArticleEdit edit, CancellationToken cancellationToken = default) =>
        ArticleRules.Check(edit.Body, creating: false)
            ?? ArticleResults.Of(await authoring.UpdateAsync(id, edit.SeenVersion, edit.Body, agent, cancellationToken), id);
}

/// <summary><c>POST /api/kb/articles/{id}/publish</c>: makes the article public (the site is republished from the queue).</summary>
public sealed class PublishArticle(ArticleAuthoring authoring)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, CancellationToken cancellationToken = default) =>
        ArticleResults.Of(await authoring.PublishAsync(id, agent, cancellationToken), id);
}

/// <summary><c>POST /api/kb/articles/{id}/revisions/{version}/restore</c> with <c>If-Match</c>: a new save with that version's text.</summary>
public sealed class RestoreArticleRevision(ArticleAuthoring authoring)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, string version, SeenVersion seen, CancellationToken cancellationToken = default) =>
        int.TryParse(version, System.Globalization.NumberStyles.None, null, out var number)
            ? ArticleResults.Of(await authoring.RestoreAsync(id, number, seen.Version, agent, cancellationToken), id)
            : Problems.BadRequest($"'{version}' is not a version number.", "version");
}

/// <summary><c>POST /api/kb/preview {body}</c>: the HTML the published page would show, from the same renderer.</summary>
public sealed class PreviewArticle
{
    public IResult Handle(PreviewInput input) =>
        input.Body is { Length: <= ArticleRules.MaxBodyLength } body
            ? Results.Ok(new PreviewView(ArticleRenderer.ToHtml(body)))
            : Problems.BadRequest($"body is required and limited to {ArticleRules.MaxBodyLength} characters.", "body");
}
