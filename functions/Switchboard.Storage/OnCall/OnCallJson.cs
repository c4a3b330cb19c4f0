using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace Switchboard.Storage.OnCall;

/// <summary>
/// The JSON shape of rota values in the API and in stored columns: camelCase, NodaTime values in ISO form
/// (<c>"09:00"</c>, <c>"2026-03-02"</c>, <c>"2026-03-02T09:00:00Z"</c>), enums as camelCase strings
/// (<c>"monday"</c>, <c>"days"</c>).
/// </summary>
public static class OnCallJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        // Before NodaTime's own: hand-off times read and write as "09:00" (what a time input gives), seconds when set.
        options.Converters.Add(new NodaPatternConverter<LocalTime>(new CompositePatternBuilder<LocalTime>
        {
            { LocalTimePattern.CreateWithInvariantCulture("HH:mm"), time => time.Second == 0 && time.NanosecondOfSecond == 0 },
            { LocalTimePattern.ExtendedIso, _ => true },
        }.Build()));
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }
}
