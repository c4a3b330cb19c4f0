using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchboard.Core.Outreach;

/// <summary>
/// The words the team wrote for reaching out after an error, with placeholders filled per customer:
/// <c>{name}</c> (first name, or "there"), <c>{summary}</c> (what failed; several joined by "; "), <c>{time}</c>
/// (when it first happened, <c>HH:mm</c> UTC), <c>{date}</c> (<c>yyyy-MM-dd</c>) and <c>{count}</c> (how often).
/// Any other <c>{…}</c> is refused when the template is saved, so a typo never reaches a customer.
/// </summary>
public sealed partial record OutreachTemplate(string Subject, string Body)
{
    public const int MaxSubject = 200;
    public const int MaxBody = 10_000;

    public static readonly IReadOnlyList<string> Placeholders = ["name", "summary", "time", "date", "count"];

    public static OutreachTemplate Default { get; } = new(
        "We noticed a problem: {summary}",
        "Hi {name},\n\nWe noticed that {summary} at {time} UTC. That is on us, and we are already working on it.\n\n"
        + "There is nothing you need to do; we will write again as soon as it is fixed. If it is blocking you, just reply to this email.");

    /// <summary>Problems as (field, message); empty when the template can be saved.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var problems = new List<(string, string)>();
        Check(Subject, "subject", MaxSubject, problems);
        Check(Body, "body", MaxBody, problems);
        if (Subject?.Contains('\n', StringComparison.Ordinal) == true || Subject?.Contains('\r', StringComparison.Ordinal) == true)
        {
            problems.Add(("subject", "The subject is one line."));
        }
        return problems;
    }

    public OutreachDraftText Render(string? customerName, IReadOnlyList<string> summaries, DateTimeOffset firstAt, int count)
    {
        var values = new Dictionary<string, string>
        {
            ["name"] = customerName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "there",
            ["summary"] = string.Join("; ", summaries),
            ["time"] = firstAt.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["date"] = firstAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["count"] = count.ToString(CultureInfo.InvariantCulture),
        };
        string Fill(string text) => Placeholder().Replace(text, m => values.GetValueOrDefault(m.Groups[1].Value, m.Value));
        return new OutreachDraftText(Fill(Subject).ReplaceLineEndings(" "), Fill(Body));
    }

    private static void Check(string? text, string field, int max, List<(string, string)> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add((field, $"The {field} is required."));
            return;
        }
        if (text.Length > max)
        {
            problems.Add((field, $"The {field} is at most {max:N0} characters."));
        }
        foreach (Match match in Placeholder().Matches(text))
        {
            if (!Placeholders.Contains(match.Groups[1].Value))
            {
                problems.Add((field, $"Unknown placeholder {match.Value}; use {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}."));
            }
        }
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>A rendered outreach mail: the conversation's subject and the draft's text.</summary>
public sealed record OutreachDraftText(string Subject, string Body);
