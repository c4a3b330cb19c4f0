using Microsoft.AspNetCore.Http.Metadata;

namespace Switchboard.Handlers.Hosting;

/// <summary>
/// A result that also sets <c>ETag</c>, so a handler states its version in what it returns instead of writing to the
/// response it does not otherwise see. Status and value stay readable for tests.
/// </summary>
public sealed class ETaggedResult(IResult inner, string etag) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    public string ETag => etag;

    public IResult Inner => inner;

    public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

    public object? Value => (inner as IValueHttpResult)?.Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = etag;
        return inner.ExecuteAsync(httpContext);
    }
}

public static class ETaggedResults
{
    public static IResult WithETag(this IResult result, string etag) => new ETaggedResult(result, etag);
}
