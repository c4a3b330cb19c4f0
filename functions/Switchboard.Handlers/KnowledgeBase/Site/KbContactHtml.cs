using System.Text;

namespace Switchboard.Handlers.KnowledgeBase.Site;

/// <summary>
/// <c>contact/index.html</c> and <c>contact/sent/index.html</c>. The form posts to the API as a plain form (with its
/// attachment) when there is no script; kb.js posts it itself and suggests up to three articles as the subject is typed.
/// </summary>
public static class KbContactHtml
{
    public static byte[] ContactPage(KbSnapshot s)
    {
        const string root = "../";
        var b = new StringBuilder();
        KbHtml.Head(b, $"Contact us · {s.SiteName}", root, s, "Write to our support team.");
        b.Append($"<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"{root}\">{KbHtml.E(s.SiteName)}</a></nav>\n<div class=\"contact\"><h1>Contact us</h1>\n")
         .Append($"<p class=\"hours\">We are here {KbHtml.E(s.Contact.SupportHours)} and answer {KbHtml.E(s.Contact.ResponseTime)}.</p>\n")
         .Append($"<form id=\"contact-form\" action=\"{KbHtml.E(s.ApiOrigin)}/api/public/contact\" method=\"post\" enctype=\"multipart/form-data\">\n")
         .Append("<label>Your name<input type=\"text\" name=\"name\" required maxlength=\"100\" autocomplete=\"name\"></label>\n")
         .Append("<label>Email<input type=\"email\" name=\"email\" required maxlength=\"254\" autocomplete=\"email\"></label>\n")
         .Append("<label>Subject<input type=\"text\" name=\"subject\" required maxlength=\"200\" autocomplete=\"off\"></label>\n")
         .Append("<section class=\"suggestions\" id=\"suggestions\" aria-live=\"polite\" hidden><h2>These articles may answer it</h2><ul></ul></section>\n")
         .Append("<label>Message<textarea name=\"message\" required maxlength=\"10000\" rows=\"8\"></textarea></label>\n")
         .Append("<label>Attachment (optional, up to 10 MB)<input type=\"file\" name=\"attachment\"></label>\n")
         .Append(KbHtml.Honeypot)
         .Append("<button type=\"submit\">Send</button>\n</form>\n<p id=\"contact-status\" class=\"notice-text\" role=\"status\"></p></div>\n");
        KbHtml.Foot(b, s, root);
        return KbHtml.Bytes(b);
    }

    public static byte[] SentPage(KbSnapshot s)
    {
        const string root = "../../";
        var b = new StringBuilder();
        KbHtml.Head(b, $"Message sent · {s.SiteName}", root, s, "We have your message.");
        b.Append("<h1>Thanks, we have your message</h1>\n")
         .Append($"<p class=\"notice\">A confirmation is on its way to your inbox. We answer {KbHtml.E(s.Contact.ResponseTime)} ")
         .Append($"(we are here {KbHtml.E(s.Contact.SupportHours)}).</p>\n<p><a href=\"{root}\">Back to the help center</a></p>\n");
        KbHtml.Foot(b, s, root);
        return KbHtml.Bytes(b);
    }
}
