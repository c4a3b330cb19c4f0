using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Core.OnCall;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>Reading and checking on-call requests: JSON bodies, ids, and turning rota problems into 400s.</summary>
internal static partial class OnCallRequests
{
    /// <summary>Stored as one string property, which a table caps at 32K UTF-16 characters.</summary>
    private const int MaxLayersJsonChars = 30_000;

    public static string NewScheduleId() => "s" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public static string NewOverrideId() => "o" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    /// <summary>Ids we issue are short lower-case hex; anything else cannot name a schedule (and must not reach a table key).</summary>
    public static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Agent ids are ids or email addresses for now; no control characters, not too long.</summary>
    public static bool IsAgentId(string? id) => id is { Length: > 0 and <= 200 } && !id.Any(char.IsControl) && id.Trim() == id;

    /// <summary>The JSON body as <typeparamref name="T"/> (with NodaTime values), or a 400 naming where it went wrong.</summary>
    public static Task<(T? Body, IResult? Rejection)> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class =>
        JsonBody.ReadAsync<T>(request, cancellationToken, OnCallJson.Options);

    /// <summary>A schedule from the body, with every problem of the body and of the rota itself.</summary>
    public static (OnCallSchedule Schedule, List<ScheduleProblem> Problems) ToSchedule(
        string id, ScheduleBody body, IReadOnlyList<ScheduleOverride> overrides)
    {
        var problems = new List<ScheduleProblem>();
        // A null layer stays in place (the core reports it), so every problem keeps the index the caller sent.
        var layers = new List<RotationLayer>();
        for (var i = 0; i < body.Layers?.Count; i++)
        {
            var layer = body.Layers[i];
            if (layer is { HandOffTime: null })
            {
                problems.Add(new($"layers[{i}].handOffTime", "A layer needs a hand-off time, e.g. \"09:00\"."));
            }
            if (layer is { StartDate: null })
            {
                problems.Add(new($"layers[{i}].startDate", "A layer needs the date of its first shift, e.g. \"2026-03-02\"."));
            }
            layers.Add(layer is null ? null! : new RotationLayer(layer.Name ?? "", [.. (layer.Participants ?? []).Select(p => p ?? "")], layer.ShiftLength!,
                layer.HandOffTime ?? default, layer.StartDate ?? default, [.. (layer.Restrictions ?? []).Select(w => w!)]));
        }
        var schedule = new OnCallSchedule(id, body.Name?.Trim() ?? "", body.TimeZoneId?.Trim() ?? "", body.Layers is null ? null! : layers, overrides);
        problems.InsertRange(0, schedule.Validate());
        if (problems.Count == 0 && JsonSerializer.Serialize(schedule.Layers, OnCallJson.Options).Length > MaxLayersJsonChars)
        {
            problems.Add(new("layers", "The layers are too large to store; split the schedule."));
        }
        return (schedule, problems);
    }

    /// <summary>400 with every problem by field (<c>errors</c>), and the first field as <c>field</c> like other 400s.</summary>
    public static IResult Invalid(IReadOnlyList<ScheduleProblem> problems) => Results.ValidationProblem(
        ScheduleProblem.ToErrors(problems),
        detail: string.Join(" ", problems.Select(p => p.Message)),
        extensions: new Dictionary<string, object?> { ["field"] = problems[0].Field });

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
