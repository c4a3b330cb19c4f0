using System.ComponentModel.DataAnnotations;

namespace Switchboard.Handlers.KnowledgeBase;

/// <summary>Section <c>KnowledgeBase</c>: how the public help site introduces itself, and how soon edits reach it.</summary>
public sealed class KnowledgeBaseOptions
{
    public const string Section = "KnowledgeBase";

    /// <summary>The site's title, e.g. "Acme help center".</summary>
    [Required, StringLength(100, MinimumLength = 1)]
    public string Name { get; set; } = "Help center";

    /// <summary>The site's public address (<c>https://help.example.com/kb/</c>), for the sitemap and the feed; empty leaves links relative.</summary>
    [RegularExpression("^(https?://\\S+/)?$", ErrorMessage = "KnowledgeBase:Url must be empty or an http(s) URL ending in '/'.")]
    public string Url { get; set; } = "";

    /// <summary>
    /// How long a publish waits after the first change of a burst: every edit saved meanwhile goes out with it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "KnowledgeBase:PublishDelay must be between 0 and 10 minutes.")]
    public TimeSpan PublishDelay { get; set; } = TimeSpan.FromSeconds(5);
}
