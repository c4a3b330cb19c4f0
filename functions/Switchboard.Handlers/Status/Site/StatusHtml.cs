using System.Globalization;
using System.Net;
using System.Text;
using Switchboard.Core.Status;
using Switchboard.Handlers.StaticSite;

namespace Switchboard.Handlers.Status.Site;

/// <summary>
/// The public page (<c>index.html</c>) and one page per incident. Plain HTML and <c>style.css</c>: no script and no
/// inline style (the site's Content-Security-Policy forbids both), so uptime bars are elements with state classes.
/// </summary>
public static class StatusHtml
{
    public static byte[] Index(StatusSnapshot s)
    {
        var b = new StringBuilder();
        Head(b, s.PageName, "", s);
        b.Append($"<p class=\"overall {Css(s.Indicator)}\" id=\"overall\">{E(StatusRollup.Describe(s.Indicator))}</p>\n");
        foreach (var incident in s.Active)
        {
            b.Append($"<section class=\"incident active {Css(incident.Impact)}\"><h2><a href=\"incidents/{incident.Id}/\">{E(incident.Title)}</a></h2>\n");
            Timeline(b, incident, s);
            b.Append("</section>\n");
        }
        foreach (var m in s.OpenMaintenances)
        {
            var stage = m.Status == MaintenanceStatus.InProgress ? "In progress" : "Scheduled";
            b.Append($"<section class=\"maintenance\"><h2>{stage}: {E(m.Title)}</h2><p>{Time(m.StartsAt)} to {Time(m.EndsAt)}</p>")
             .Append($"<p>{E(m.Message)}</p><p class=\"affects\">Affects {E(string.Join(", ", m.ComponentIds.Select(s.ComponentName)))}</p></section>\n");
        }
        b.Append("<section class=\"components\"><h2>Components</h2>\n");
        foreach (var group in s.Components.GroupBy(c => c.Group ?? ""))
        {
            if (group.Key.Length > 0)
            {
                var worst = StatusRollup.Worst(group.Select(c => c.State));
                b.Append($"<h3 class=\"group {Css(worst)}\">{E(group.Key)} <span class=\"state\">{StatusNames.Describe(worst)}</span></h3>\n");
            }
            foreach (var c in group)
            {
                Component(b, c, s);
            }
        }
        b.Append("</section>\n<section class=\"past\"><h2>Past incidents</h2>\n");
        if (!s.Past.Any())
        {
            b.Append("<p>No incidents in the last 90 days.</p>\n");
        }
        foreach (var incident in s.Past)
        {
            b.Append($"<article class=\"incident {Css(incident.Impact)}\"><h3><a href=\"incidents/{incident.Id}/\">{E(incident.Title)}</a></h3>")
             .Append($"<p>Resolved {Time(incident.ResolvedAt!.Value)}</p></article>\n");
        }
        b.Append("</section>\n");
        Subscribe(b, s);
        Foot(b, s, "");
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    /// <summary>
    /// A plain form post to the API (no script: the page's policy allows the API origin as a form target); the API
    /// answers with a "check your inbox" page. No component ticked means every component.
    /// </summary>
    private static void Subscribe(StringBuilder b, StatusSnapshot s)
    {
        b.Append("<section class=\"subscribe\" id=\"subscribe\"><h2>Get updates by email</h2>\n")
         .Append($"<form action=\"{E(s.ApiOrigin)}/api/public/status/subscriptions\" method=\"post\">\n")
         .Append("<label>Email<input type=\"email\" name=\"email\" required maxlength=\"254\" autocomplete=\"email\"></label>\n");
        if (s.Components.Count > 0)
        {
            b.Append("<fieldset><legend>Only these components (none ticked: all)</legend>\n");
            foreach (var c in s.Components)
            {
                b.Append($"<label><input type=\"checkbox\" name=\"components\" value=\"{E(c.Id)}\"> {E(c.Name)}</label>\n");
            }
            b.Append("</fieldset>\n");
        }
        b.Append("<div class=\"hp\" aria-hidden=\"true\"><label>Leave this empty<input type=\"text\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></label></div>\n")
         .Append("<button type=\"submit\">Subscribe</button>\n<p class=\"note\">We send a link to confirm first; every update carries a one-click unsubscribe.</p></form></section>\n");
    }

    public static byte[] IncidentPage(StatusSnapshot s, Incident incident)
    {
        var b = new StringBuilder();
        Head(b, $"{incident.Title} · {s.PageName}", "../../", s);
        b.Append($"<p><a href=\"../../\">← {E(s.PageName)}</a></p>\n<h2 class=\"incident-title {Css(incident.Impact)}\">{E(incident.Title)}</h2>\n")
         .Append($"<p class=\"impact\">Impact: {StatusNames.Of(incident.Impact)}</p>\n");
        Timeline(b, incident, s);
        if (incident.Postmortem is { } postmortem)
        {
            b.Append("<section class=\"postmortem\"><h3>Post-mortem</h3>");
            foreach (var paragraph in postmortem.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            {
                b.Append($"<p>{E(paragraph)}</p>");
            }
            b.Append("</section>\n");
        }
        Foot(b, s, "../../");
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    public static byte[] NotFound(StatusSnapshot s)
    {
        var b = new StringBuilder();
        Head(b, $"Not found · {s.PageName}", "/status/", s);
        b.Append("<p>There is no such page. <a href=\"/status/\">See the current status.</a></p>\n");
        Foot(b, s, "/status/");
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    private static void Component(StringBuilder b, StatusComponent c, StatusSnapshot s)
    {
        var days = s.Uptime(c.Id);
        b.Append($"<div class=\"component {Css(c.State)}\" data-component=\"{E(c.Id)}\"><p><span class=\"name\">{E(c.Name)}</span> ")
         .Append($"<span class=\"state\">{StatusNames.Describe(c.State)}</span></p>\n<ol class=\"bars\" aria-label=\"Uptime, last 90 days\">");
        foreach (var day in days)
        {
            b.Append(day.HasData
                ? $"<li class=\"{Css(day.Worst)}\" title=\"{day.Date:yyyy-MM-dd}: {Percent(day.Uptime)} up\"></li>"
                : $"<li class=\"is-no-data\" title=\"{day.Date:yyyy-MM-dd}: no data\"></li>");
        }
        b.Append($"</ol><p class=\"uptime\">90 days ago · {Percent(UptimeHistory.Mean(days))} uptime · today</p></div>\n");
    }

    private static void Timeline(StringBuilder b, Incident incident, StatusSnapshot s)
    {
        b.Append("<ol class=\"updates\">");
        foreach (var u in incident.Updates.Reverse())
        {
            var affected = u.Components.Count == 0 ? "" :
                $"<span class=\"affects\">{E(string.Join(", ", u.Components.Select(c => $"{s.ComponentName(c.ComponentId)}: {StatusNames.Describe(c.State)}")))}</span>";
            b.Append($"<li><strong>{Capitalise(StatusNames.Of(u.Status))}</strong> {E(u.Message)} <time datetime=\"{u.At:O}\">{Time(u.At)}</time>{affected}</li>");
        }
        b.Append("</ol>\n");
    }

    private static void Head(StringBuilder b, string title, string root, StatusSnapshot s)
    {
        PageShell.Open(b, new PageShell.Head(title, s.ApiOrigin, $"{root}style.css", Feed: (s.PageName, $"{root}feed.atom")));
        b.Append($"<header><h1>{E(s.PageName)}</h1></header><main>\n");
    }

    private static void Foot(StringBuilder b, StatusSnapshot s, string root) =>
        b.Append($"</main><footer><p>Last updated <time id=\"updated\" datetime=\"{s.UpdatedAt:O}\">{Time(s.UpdatedAt)}</time>. ")
         .Append($"<a href=\"{root}feed.atom\">Atom feed</a> · <a href=\"{root}status.json\">status.json</a></p></footer></body></html>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Css<T>(T value) where T : struct, Enum => "is-" + StatusNames.Of(value).Replace('_', '-');
}
