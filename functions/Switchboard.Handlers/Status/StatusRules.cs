using Switchboard.Core.Status;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status;

/// <summary>The 400s for status bodies, each naming its field; null when the value is fine.</summary>
internal static class StatusRules
{
    public const int MaxNameLength = 100;
    public const int MaxComponents = 200;

    /// <summary>The first of the checks that found a problem.</summary>
    public static IResult? First(params IResult?[] problems) => problems.FirstOrDefault(p => p is not null);

    public static IResult? Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Problems.BadRequest($"{field} is required.", field) : null;
        }
        return value.Trim().Length > maxLength ? Problems.BadRequest($"{field} is limited to {maxLength} characters.", field) : null;
    }

    /// <summary>Component states named in an update: each an existing component with a state.</summary>
    public static (IReadOnlyList<ComponentChange>? Changes, IResult? Problem) Changes(
        IReadOnlyList<ComponentStateBody>? bodies, IReadOnlyList<StatusComponent> existing)
    {
        var changes = new List<ComponentChange>();
        foreach (var body in bodies ?? [])
        {
            if (body is null || string.IsNullOrEmpty(body.Id) || body.State is null)
            {
                return (null, Problems.BadRequest("Each component needs an id and a state.", "components"));
            }
            if (existing.All(c => c.Id != body.Id))
            {
                return (null, Problems.BadRequest($"There is no component '{body.Id}'.", "components"));
            }
            changes.Add(new ComponentChange(body.Id, body.State.Value));
        }
        return changes.Count > StatusStore.MaxComponentsPerChange
            ? (null, Problems.BadRequest($"An update sets at most {StatusStore.MaxComponentsPerChange} components.", "components"))
            : (changes, null);
    }
}
