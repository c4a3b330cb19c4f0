using Switchboard.Storage.Drafts;

namespace Switchboard.Handlers.Drafts;

public static class DraftRoute
{
    /// <summary>A route's draft id (conversation id and row key): 404 unless it has the shape of one.</summary>
    public static RouteId Id(string id) => RouteId.Of(id, "draft", value => DraftStore.TryParseId(value, out _, out _));
}
