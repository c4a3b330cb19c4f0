namespace Switchboard.Handlers.WebApp;

/// <summary>Section <c>WebApp</c>: where the built agent app (<c>web/dist</c>) is.</summary>
public sealed class WebAppOptions
{
    public const string Section = "WebApp";

    /// <summary>
    /// The folder holding <c>index.html</c>. Empty means the <c>wwwroot</c> folder beside the app, where the Functions
    /// app's publish puts <c>web/dist</c>; the local host defaults it to <c>web/dist</c> in the repository.
    /// </summary>
    public string? Root { get; set; }

    public string EffectiveRoot => Root is { Length: > 0 } root ? root : Path.Combine(AppContext.BaseDirectory, "wwwroot");
}
