namespace Switchboard.Handlers.Status;

/// <summary>How the public status page introduces itself (its title, and its address in <c>status.json</c> and the feed).</summary>
public sealed class StatusPageOptions
{
    public const string Section = "StatusPage";

    /// <summary>The page's title, e.g. "Acme status".</summary>
    [System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.StringLength(100, MinimumLength = 1)]
    public string Name { get; set; } = "Status";

    /// <summary>The page's public address (<c>https://help.example.com/status/</c>); empty leaves links relative.</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^(https?://\\S+/)?$", ErrorMessage = "StatusPage:Url must be empty or an http(s) URL ending in '/'.")]
    public string Url { get; set; } = "";
}
