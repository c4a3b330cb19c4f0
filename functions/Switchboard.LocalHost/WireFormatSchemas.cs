using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Switchboard.LocalHost;

/// <summary>
/// Describes rota values as the API writes them (OnCallJson), not as their .NET shape: enums are camelCase strings
/// ("monday", "days") unless they name their members, LocalTime is "09:00", LocalDate is "2026-03-02". The web app's types are generated from this
/// document, so a schema that says "object with hour, minute…" would type every hand-off time wrongly.
/// </summary>
internal sealed class WireFormatSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            AsString(schema);
            schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(WireName(type, name)))];
        }
        else if (type == typeof(LocalTime))
        {
            AsString(schema);
            schema.Pattern = @"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$";
        }
        else if (type == typeof(LocalDate))
        {
            AsString(schema);
            schema.Format = "date";
        }
        return Task.CompletedTask;
    }

    // An enum that names its members (status page states: "degraded_performance") is written with those names.
    private static string WireName(Type type, string name) =>
        type.GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(name);

    private static void AsString(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Format = null;
        schema.Pattern = null;
        schema.Properties?.Clear();
        schema.Required?.Clear();
    }
}
