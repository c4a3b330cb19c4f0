using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Switchboard.Handlers.Hosting;

/// <summary>
/// The request body a <c>[Function]</c> reads itself (handlers bind their own bodies, so nothing infers it): the local
/// host puts the attribute into the endpoint's metadata and the OpenAPI document describes the body from it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsAttribute<T>(string contentType, params string[] otherContentTypes) : Attribute, IAcceptsMetadata
{
    public IReadOnlyList<string> ContentTypes { get; } = [contentType, .. otherContentTypes];

    public Type? RequestType => typeof(T);

    public bool IsOptional => false;
}

/// <summary>An RFC 9457 problem answer (<c>application/problem+json</c>) with this status, as <c>.ProducesProblem()</c> declares.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class ProducesProblemAttribute(int statusCode) : Attribute, IProducesResponseTypeMetadata
{
    public Type? Type => typeof(ProblemDetails);

    public int StatusCode => statusCode;

    public string? Description => null;

    public IEnumerable<string> ContentTypes => ["application/problem+json"];
}

/// <summary>A 400 whose problem body names each bad field (<c>errors</c>), as <c>.ProducesValidationProblem()</c> declares.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesValidationProblemAttribute : Attribute, IProducesResponseTypeMetadata
{
    public Type? Type => typeof(HttpValidationProblemDetails);

    public int StatusCode => StatusCodes.Status400BadRequest;

    public string? Description => null;

    public IEnumerable<string> ContentTypes => ["application/problem+json"];
}

/// <summary>
/// Problem answers with these statuses, one line for what would be a <see cref="ProducesProblemAttribute"/> each: the
/// local host puts one of those per status into the endpoint's metadata.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesProblemsAttribute(params int[] statusCodes) : Attribute
{
    public IReadOnlyList<ProducesProblemAttribute> Each { get; } = [.. statusCodes.Select(status => new ProducesProblemAttribute(status))];
}

/// <summary>
/// An HTTP function's whole OpenAPI description on one line: its tag and summary, the body it reads (<see cref="Body"/>),
/// its success answer (<c>response</c> with <see cref="Status"/>; <see cref="Status"/> alone for an answer without a
/// body; neither when the function declares none) and its problem answers. The local host expands it into the same endpoint metadata as the separate
/// <c>[EndpointSummary]</c>, <c>[Tags]</c>, <c>[Accepts&lt;T&gt;]</c>, <c>[ProducesResponseType]</c>,
/// <c>[ProducesProblems]</c> and <c>[ProducesValidationProblem]</c> attributes would; other answers are declared beside
/// it with <c>[ProducesResponseType]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiAttribute(string tag, string summary, Type? response = null) : Attribute
{
    private int? status;

    /// <summary>The success status (default 200).</summary>
    public int Status { get => status ?? StatusCodes.Status200OK; set => status = value; }

    /// <summary>The request body, which the function binds itself.</summary>
    public Type? Body { get; set; }

    public string[] BodyContentTypes { get; set; } = ["application/json"];

    /// <summary>The success answer's content type, when it has a response type.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>Statuses answered with an RFC 9457 problem.</summary>
    public int[] Problems { get; set; } = [];

    /// <summary>Whether a 400 names each bad field (<c>errors</c>).</summary>
    public bool Validation { get; set; }

    /// <summary>The endpoint metadata, in the order the separate attributes were declared.</summary>
    public IEnumerable<object> Metadata()
    {
        yield return new EndpointSummaryAttribute(summary);
        yield return new TagsAttribute(tag);
        if (Body is not null)
        {
            yield return new AcceptsBody(Body, BodyContentTypes);
        }

        if (response is not null)
        {
            yield return new ProducesResponseTypeAttribute(response, Status, ContentType);
        }
        else if (status is { } bodiless)
        {
            yield return new ProducesResponseTypeAttribute(bodiless);
        }

        foreach (var problem in Problems)
        {
            yield return new ProducesProblemAttribute(problem);
        }

        if (Validation)
        {
            yield return new ProducesValidationProblemAttribute();
        }
    }

    private sealed record AcceptsBody(Type RequestType, IReadOnlyList<string> ContentTypes) : IAcceptsMetadata
    {
        Type? IAcceptsMetadata.RequestType => RequestType;

        public bool IsOptional => false;
    }
}
