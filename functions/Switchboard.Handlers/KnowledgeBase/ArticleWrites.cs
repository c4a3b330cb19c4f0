using Microsoft.AspNetCore.Http;
using Switchboard.Core.KnowledgeBase;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;

namespace Switchboard.Handlers.KnowledgeBase;

/// <summary><c>POST /api/kb/articles</c>: a new article (draft unless a status is given), 201 with its ETag.</summary>
public sealed class CreateArticle(AgentAuthenticator auth, ArticleAuthoring authoring)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var (input, invalid) = await JsonBody.ReadAsync<ArticleInput>(request, cancellationToken, maxBytes: 256 * 1024);
        if (input is null)
        {
            return invalid!;
        }
        return ArticleRules.Check(input, creating: true)
            ?? ArticleResults.Of(await authoring.CreateAsync(input, agent, cancellationToken), request.HttpContext.Response, "", created: true);
    }
}

/// <summary><c>PUT /api/kb/articles/{id}</c> with <c>If-Match</c>: saves the given fields as a new revision, or 409 with what changed.</summary>
public sealed class UpdateArticle(AgentAuthenticator auth, ArticleAuthoring authoring)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var (seen, badIfMatch) = ArticleResults.ReadIfMatch(request);
        if (seen is null)
        {
            return badIfMatch!;
        }
        var (input, invalid) = await JsonBody.ReadAsync<ArticleInput>(request, cancellationToken, maxBytes: 256 * 1024);
        if (input is null)
        {
            return invalid!;
        }
        return ArticleRules.Check(input, creating: false)
            ?? ArticleResults.Of(await authoring.UpdateAsync(id, seen.Value, input, agent, cancellationToken), request.HttpContext.Response, id);
    }
}

/// <summary><c>POST /api/kb/articles/{id}/publish</c>: makes the article public (the site is republished from the queue).</summary>
public sealed class PublishArticle(AgentAuthenticator auth, ArticleAuthoring authoring)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        return agent is null ? rejection! : ArticleResults.Of(await authoring.PublishAsync(id, agent, cancellationToken), request.HttpContext.Response, id);
    }
}

/// <summary><c>POST /api/kb/articles/{id}/revisions/{version}/restore</c> with <c>If-Match</c>: a new save with that version's text.</summary>
public sealed class RestoreArticleRevision(AgentAuthenticator auth, ArticleAuthoring authoring)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, string version, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var (seen, badIfMatch) = ArticleResults.ReadIfMatch(request);
        if (seen is null)
        {
            return badIfMatch!;
        }
        return int.TryParse(version, out var number)
            ? ArticleResults.Of(await authoring.RestoreAsync(id, number, seen.Value, agent, cancellationToken), request.HttpContext.Response, id)
            : Problems.BadRequest($"'{version}' is not a version number.", "version");
    }
}

/// <summary><c>POST /api/kb/preview {body}</c>: the HTML the published page would show, from the same renderer.</summary>
public sealed class PreviewArticle(AgentAuthenticator auth)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var (input, invalid) = await JsonBody.ReadAsync<PreviewInput>(request, cancellationToken, maxBytes: 256 * 1024);
        if (input is null)
        {
            return invalid!;
        }
        return input.Body is { Length: <= ArticleRules.MaxBodyLength } body
            ? Results.Ok(new PreviewView(ArticleRenderer.ToHtml(body)))
            : Problems.BadRequest($"body is required and limited to {ArticleRules.MaxBodyLength} characters.", "body");
    }
}
