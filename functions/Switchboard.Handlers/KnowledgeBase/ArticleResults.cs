using Switchboard.Handlers.Conversations;

namespace Switchboard.Handlers.KnowledgeBase;

/// <summary>Maps a save's outcome to its HTTP answer: 200/201 with the ETag, 404, 409 with what changed.</summary>
internal static class ArticleResults
{
    public static IResult Of(SaveOutcome outcome, string id, bool created = false)
    {
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                var view = ArticleView.Of(saved.Article);
                return (created ? Results.Created($"/api/kb/articles/{view.Id}", view) : Results.Ok(view)).WithETag(view.ETag);
            case SaveOutcome.Stale stale:
                return Results.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "The article changed since you loaded it.",
                    detail: $"{stale.Current.LastEditorName ?? stale.Current.LastEditorId} saved version {stale.Current.Version} since your version {stale.SeenVersion}; " +
                            $"nothing was saved. Merge their changes, then save again with If-Match {VersionTags.ETag(stale.Current.Version)}.",
                    extensions: new Dictionary<string, object?>
                    {
                        ["field"] = "If-Match",
                        ["currentVersion"] = stale.Current.Version,
                        ["etag"] = VersionTags.ETag(stale.Current.Version),
                        ["changedFields"] = stale.Changes.ChangedFields,
                        ["changes"] = stale.Changes.Body,
                        ["current"] = ArticleView.Of(stale.Current),
                    });
            case SaveOutcome.SlugTaken taken:
                return Problems.Conflict($"The slug '{taken.Slug}' belongs (or belonged) to another article; choose another.", "slug");
            default:
                return Problems.NotFound($"There is no article '{id}'.");
        }
    }
}
