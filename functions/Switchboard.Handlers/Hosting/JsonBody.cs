using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Handlers.Hosting;

/// <summary>Reads a small JSON request body, answering 400 (not 500) to anything that is not one.</summary>
public static class JsonBody
{
    /// <summary>Command bodies are a few fields; the local host lifts Kestrel's limit for the webhooks, so cap it here.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Body, IResult? Rejection)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
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
            return JsonSerializer.Deserialize<T>(buffer.ToArray(), Options) is { } body
                ? (body, null)
                : (null, Problems.BadRequest("The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest($"The body is not valid JSON: {e.Message}"));
        }
    }
}
