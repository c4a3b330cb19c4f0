using System.Text.Json;

namespace Switchboard.Storage;

/// <summary>One JSON shape for queue messages and JSON columns: camelCase, as the API.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
