using Microsoft.AspNetCore.Http;
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
