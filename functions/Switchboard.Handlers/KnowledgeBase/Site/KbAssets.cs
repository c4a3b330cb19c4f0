namespace Switchboard.Handlers.KnowledgeBase.Site;

/// <summary>
/// The files every release of the site carries under <c>assets/</c>: <c>kb.css</c>, <c>kb.js</c> and
/// <c>minisearch.js</c> (MiniSearch's browser build, vendored from npm by <c>web/scripts/vendor-minisearch.mjs</c>).
/// They are embedded in this assembly so that publishing needs nothing but the app itself.
/// </summary>
public static class KbAssets
{
    public static readonly IReadOnlyList<(string Name, string ContentType)> Files =
    [
        ("kb.css", "text/css; charset=utf-8"),
        ("kb.js", "text/javascript; charset=utf-8"),
        ("minisearch.js", "text/javascript; charset=utf-8"),
    ];

    private static readonly Dictionary<string, byte[]> Content = Files.ToDictionary(f => f.Name, f => Read(f.Name));

    public static byte[] Of(string name) => Content[name];

    private static byte[] Read(string name)
    {
        using var stream = typeof(KbAssets).Assembly.GetManifestResourceStream("kb-assets/" + name)
            ?? throw new InvalidOperationException($"The embedded asset kb-assets/{name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
