namespace Switchboard.Handlers.Hosting;

public static class RequestBody
{
    /// <summary>
    /// The whole body, or null once it passes <paramref name="maxBytes"/> — checked on the declared length and again
    /// while reading, since a chunked body declares none.
    /// </summary>
    public static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
