using System.Globalization;
using System.Net;
using System.Text;

namespace Switchboard.Handlers.Digest;

/// <summary>The digest as an email: plain text and the same in simple HTML (every customer's word encoded).</summary>
public static class DigestMail
{
    public static (string Text, string Html) Render(WeeklyDigest digest)
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<div style=\"font-family:sans-serif\">");
        var period = $"{digest.Week}: {digest.From:yyyy-MM-dd} to {digest.To:yyyy-MM-dd}";
        text.AppendLine($"Weekly digest, {period}").AppendLine();
        html.Append($"<h1>Weekly digest</h1><p>{E(period)}</p><h2>The week's numbers</h2><table><tr><th></th><th>This week</th><th>Week before</th></tr>");
        foreach (var figure in digest.Figures)
        {
            text.AppendLine($"{figure.Name}: {Format(figure, figure.ThisWeek)} (week before: {Format(figure, figure.LastWeek)})");
            html.Append($"<tr><td>{E(figure.Name)}</td><td>{E(Format(figure, figure.ThisWeek))}</td><td>{E(Format(figure, figure.LastWeek))}</td></tr>");
        }
        html.Append("</table>");
        Section(text, html, "What customers liked", digest.PositiveComments, c => $"\"{c.Text}\" ({c.About})");
        Section(text, html, "What customers did not like", digest.NegativeComments, c => $"\"{c.Text}\" ({c.About})");
        Section(text, html, "Top feature requests", digest.FeatureRequests,
            f => $"{f.Name}: {Plural(f.Customers, "customer")}{(f.NewThisWeek > 0 ? $", {f.NewThisWeek} new this week" : "")}");
        Section(text, html, "Articles that helped", digest.HelpfulArticles, a => $"{a.Title}: {Plural(a.Helpful, "helpful vote")}");
        Section(text, html, "Searches that found nothing", digest.SearchesWithoutResults, s => $"\"{s.Query}\" ({Plural(s.Count, "search", "searches")})");
        html.Append("</div>");
        return (text.ToString(), html.ToString());
    }

    public static string Format(DigestFigure figure, double? value) => value is not { } v ? "–" : figure.Unit switch
    {
        "seconds" => Duration(TimeSpan.FromSeconds(v)),
        "percent" => v.ToString("0.#", CultureInfo.InvariantCulture) + " %",
        _ => v.ToString("0.#", CultureInfo.InvariantCulture),
    };

    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{span.TotalDays:0.#} d" : span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : $"{Math.Round(span.TotalMinutes)} min";

    private static void Section<T>(StringBuilder text, StringBuilder html, string title, IReadOnlyList<T> items, Func<T, string> line)
    {
        text.AppendLine().AppendLine(title);
        html.Append($"<h2>{E(title)}</h2>");
        if (items.Count == 0)
        {
            text.AppendLine("- none this week");
            html.Append("<p>None this week.</p>");
            return;
        }
        html.Append("<ul>");
        foreach (var item in items)
        {
            text.AppendLine("- " + line(item));
            html.Append($"<li>{E(line(item))}</li>");
        }
        html.Append("</ul>");
    }

    private static string Plural(int count, string one, string? many = null) => $"{count} {(count == 1 ? one : many ?? one + "s")}";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
