using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Switchboard.LocalHost;

/// <summary>
/// Describes rota values as the API writes them (OnCallJson), not as their .NET shape: enums are camelCase strings
/// ("monday", "days"), LocalTime is "09:00", LocalDate is "2026-03-02". The web app's types are generated from this
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
            schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(name)))];
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

    private static void AsString(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Format = null;
        schema.Pattern = null;
        schema.Properties?.Clear();
        schema.Required?.Clear();
    }
}
