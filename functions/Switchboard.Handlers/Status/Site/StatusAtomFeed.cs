using System.Text;
using System.Xml;
using Switchboard.Core.Status;

namespace Switchboard.Handlers.Status.Site;

/// <summary><c>feed.atom</c>: one entry per incident of the last 90 days (updated with its latest update), and per maintenance window.</summary>
public static class StatusAtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Render(StatusSnapshot s)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, Id("feed"));
            xml.WriteElementString("title", Atom, s.PageName);
            xml.WriteElementString("updated", Atom, XmlConvert.ToString(s.UpdatedAt));
            Link(xml, s.PageUrl.Length > 0 ? s.PageUrl : "./", "alternate");
            foreach (var incident in s.Incidents)
            {
                var latest = incident.Updates[^1];
                Entry(xml, Id("incident:" + incident.Id), incident.Title, latest.At, $"{s.PageUrl}incidents/{incident.Id}/",
                    string.Join("\n\n", incident.Updates.Reverse().Select(u => $"{u.At:yyyy-MM-dd HH:mm} UTC, {StatusNames.Of(u.Status)}: {u.Message}")));
            }
            foreach (var m in s.Maintenances)
            {
                Entry(xml, Id("maintenance:" + m.Id), "Maintenance: " + m.Title, m.ScheduledAt, s.PageUrl,
                    $"{StatusNames.Of(m.Status)}, {m.StartsAt:yyyy-MM-dd HH:mm} to {m.EndsAt:yyyy-MM-dd HH:mm} UTC: {m.Message}");
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void Entry(XmlWriter xml, string id, string title, DateTimeOffset updated, string link, string text)
    {
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, id);
        xml.WriteElementString("title", Atom, title);
        xml.WriteElementString("updated", Atom, XmlConvert.ToString(updated));
        Link(xml, link.Length > 0 ? link : "./", "alternate");
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(text);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>Atom ids must be permanent IRIs; a tag URI needs no domain of ours to be stable.</summary>
    private static string Id(string what) => $"tag:switchboard,2026:status:{what}";
}
