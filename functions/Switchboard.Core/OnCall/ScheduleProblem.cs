namespace Switchboard.Core.OnCall;

/// <summary>
/// One reason a schedule or support-hours definition cannot be used. <see cref="Field"/> is the JSON path of the
/// offending value as the API names it (<c>layers[0].participants</c>), so a 400 can point at the field.
/// </summary>
public sealed record ScheduleProblem(string Field, string Message)
{
    /// <summary>Grouped by field, the shape <c>Results.ValidationProblem</c> takes.</summary>
    public static IDictionary<string, string[]> ToErrors(IEnumerable<ScheduleProblem> problems) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    public override string ToString() => $"{Field}: {Message}";
}
