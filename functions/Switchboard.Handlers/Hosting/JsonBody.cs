using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Handlers.Hosting;

/// <summary>Reads a small JSON request body, answering 400 (not 500) to anything that is not one.</summary>
public static class JsonBody
{
    /// <summary>Command bodies are a few fields; the local host lifts Kestrel's limit for the webhooks, so cap it here.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="options">How to read the body; camelCase web defaults when null.</param>
    public static async Task<(T? Body, IResult? Rejection)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, JsonSerializerOptions? options = null)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.TooLarge($"The body is limited to {MaxBytes / 1024} KB."));
        }
        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.UnsupportedMediaType("Send the body as application/json."));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, Problems.TooLarge($"The body is limited to {MaxBytes / 1024} KB."));
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.ToArray(), options ?? Options) is { } body
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
