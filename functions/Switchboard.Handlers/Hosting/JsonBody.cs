using System.Text.Json;

namespace Switchboard.Handlers.Hosting;

/// <summary>Reads a small JSON request body, answering 400 (not 500) to anything that is not one.</summary>
public static class JsonBody
{
    /// <summary>Command bodies are a few fields; the local host lifts Kestrel's limit for the webhooks, so cap it here.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="options">How to read the body; camelCase web defaults when null.</param>
    /// <param name="maxBytes">A larger limit for the few bodies that carry files (a reply's attachments).</param>
    public static async Task<(T? Body, IResult? Rejection)> ReadAsync<T>(
        HttpRequest request, CancellationToken cancellationToken, JsonSerializerOptions? options = null, long maxBytes = MaxBytes)
        where T : class
    {
        var tooLarge = Problems.TooLarge($"The body is limited to {maxBytes / 1024} KB.");
        if (request.ContentLength > maxBytes)
        {
            return (null, tooLarge); // before the content type, as a declared size says the most
        }
        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.UnsupportedMediaType("Send the body as application/json."));
        }
        if (await RequestBody.ReadBoundedAsync(request, maxBytes, cancellationToken) is not { } bytes)
        {
            return (null, tooLarge);
        }
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, options ?? Options) is { } body
                ? (body, null)
                : (null, Problems.BadRequest("The body must be a JSON object.", "body"));
        }
        catch (JsonException e)
        {
            // The JSON path of the first value that did not fit names the field, as every 400 here does.
            var field = e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body";
            return (null, Problems.BadRequest($"The body is not valid JSON for this request at '{field}'.", field));
        }
    }
}
