using Switchboard.Core.SavedReplies;
using Switchboard.Storage.SavedReplies;

namespace Switchboard.Handlers.SavedReplies;

/// <summary>The JSON shapes of the saved replies API.</summary>
public sealed record SavedReplyView(string Id, string Name, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SavedReplyView Of(SavedReplyEntity e) => new(e.RowKey, e.Name, e.Body, e.CreatedAt, e.UpdatedAt);
}

/// <summary>The agent's replies, by name, and the placeholders a body may use.</summary>
public sealed record SavedReplyList(IReadOnlyList<SavedReplyView> Items, IReadOnlyList<string> Placeholders);

public sealed record SavedReplyBody(string? Name, string? Body);

public sealed record RenderedReply(string Text);

internal static class SavedReplyRules
{
    public const int MaxNameLength = 100;
    public const int MaxBodyLength = 10_000;
    public const int MaxPerAgent = 200;

    /// <summary>The 400 for a body that cannot be saved, naming the field; null when it can.</summary>
    public static IResult? Check(SavedReplyBody body)
    {
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            return Problems.BadRequest("name is required.", "name");
        }
        if (body.Name.Trim().Length > MaxNameLength)
        {
            return Problems.BadRequest($"name is limited to {MaxNameLength} characters.", "name");
        }
        if (string.IsNullOrWhiteSpace(body.Body))
        {
            return Problems.BadRequest("body is required.", "body");
        }
        if (body.Body.Length > MaxBodyLength)
        {
            return Problems.BadRequest($"body is limited to {MaxBodyLength} characters.", "body");
        }
        var unknown = SavedReplyTemplate.UnknownPlaceholders(body.Body);
        return unknown.Count == 0
            ? null
            : Problems.BadRequest(
                $"Unknown placeholder{(unknown.Count == 1 ? "" : "s")}: {string.Join(", ", unknown.Select(u => "{{" + u + "}}"))}. " +
                $"Known: {string.Join(", ", SavedReplyTemplate.Placeholders.Select(p => "{{" + p + "}}"))}.", "body");
    }
}
