namespace Switchboard.Handlers.Hosting;

/// <summary>RFC 9457 problem responses, so every client mistake gets a 4xx with a body that says what to fix.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail, string? field = null) =>
        Problem(StatusCodes.Status400BadRequest, "The request is not valid.", detail, field);

    public static IResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "Authentication is required.", detail);

    public static IResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "Not allowed.", detail);

    public static IResult Conflict(string detail, string? field = null) =>
        Problem(StatusCodes.Status409Conflict, "The request conflicts with the current state.", detail, field);

    public static IResult TooManyRequests(string detail) =>
        Problem(StatusCodes.Status429TooManyRequests, "Too many requests.", detail);

    public static IResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not found.", detail);

    public static IResult PreconditionRequired(string detail, string? field = null) =>
        Problem(StatusCodes.Status428PreconditionRequired, "A precondition is required.", detail, field);

    public static IResult TooLarge(string detail) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large.", detail);

    public static IResult UnsupportedMediaType(string detail) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "The content type is not supported.", detail);

    /// <summary>A transient failure of ours: the caller should retry (webhook senders do).</summary>
    public static IResult Unavailable(string detail) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable; retry later.", detail);

    private static IResult Problem(int status, string title, string detail, string? field = null) =>
        Results.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}
