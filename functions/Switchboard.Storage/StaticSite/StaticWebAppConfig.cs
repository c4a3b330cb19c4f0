using System.Text.Json;

namespace Switchboard.Storage.StaticSite;

/// <summary>
/// <c>staticwebapp.config.json</c> of the published site: the hardening headers on every page (the pages run no inline
/// script, so an injected one does not run) and the 404 page. Static Web Apps applies <c>globalHeaders</c> to every
/// response (Microsoft Learn, "Configure Azure Static Web Apps").
/// </summary>
public static class StaticWebAppConfig
{
    public static string ContentSecurityPolicy(string apiOrigin)
    {
        var api = apiOrigin.Length > 0 ? " " + apiOrigin : "";
        return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'{api}; " +
               $"form-action 'self'{api}; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    /// <param name="notFoundPage">Site path of the page shown for unknown paths (e.g. <c>/kb/404.html</c>), when published.</param>
    public static string Json(string apiOrigin, string? notFoundPage)
    {
        var config = new Dictionary<string, object>
        {
            ["globalHeaders"] = new Dictionary<string, string>
            {
                ["Content-Security-Policy"] = ContentSecurityPolicy(apiOrigin),
                ["X-Content-Type-Options"] = "nosniff",
                ["X-Frame-Options"] = "DENY",
                ["Referrer-Policy"] = "strict-origin-when-cross-origin",
            },
        };
        if (notFoundPage is not null)
        {
            config["responseOverrides"] = new Dictionary<string, object> { ["404"] = new Dictionary<string, string> { ["rewrite"] = notFoundPage } };
        }
        return JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true });
    }
}
