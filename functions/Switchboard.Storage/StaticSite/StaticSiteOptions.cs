using System.ComponentModel.DataAnnotations;

namespace Switchboard.Storage.StaticSite;

/// <summary>
/// Where the public static site (knowledge base, status page) is served from. Empty <see cref="StaticWebAppResourceId"/>
/// (local, tests): the host serves the published files itself under <c>/kb/</c> and <c>/status/</c>. Set: every publish
/// is copied to that Azure Static Web Apps resource (Free plan: custom domains with free certificates, no fixed fee),
/// which keeps serving the last copy when the Function app is down.
/// </summary>
public sealed class StaticSiteOptions
{
    public const string Section = "StaticSite";

    /// <summary>Resource ID of the Static Web App, <c>/subscriptions/…/resourceGroups/…/providers/Microsoft.Web/staticSites/…</c>.</summary>
    [RegularExpression("^(/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Web/staticSites/[^/]+)?$",
        ErrorMessage = "StaticSite:StaticWebAppResourceId must be empty or the resource ID of a Microsoft.Web/staticSites resource.")]
    public string StaticWebAppResourceId { get; set; } = "";

    /// <summary>Azure Resource Manager; tests point it at a local stand-in.</summary>
    [Url]
    public string ManagementEndpoint { get; set; } = "https://management.azure.com";

    /// <summary>
    /// Origin of the Function app's public API (contact form, article feedback, status subscriptions), allowed by the
    /// static pages' Content-Security-Policy; empty allows their own origin only.
    /// </summary>
    [RegularExpression("^(https?://[^/\\s]+)?$", ErrorMessage = "StaticSite:ApiOrigin must be empty or an origin such as https://func-x.azurewebsites.net.")]
    public string ApiOrigin { get; set; } = "";

    public bool DeploysToStaticWebApp => StaticWebAppResourceId.Length > 0;
}
