using Switchboard.Core.Conversations;
using Switchboard.Core.Inbound;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Metrics;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// <c>GET /api/conversations/{id}</c>: the conversation with every message, oldest first. Attachment, inline image and
/// raw-source links are signed, so the browser can follow them; inline images (cid:) in the HTML point at them.
/// </summary>
public sealed class GetConversation(ConversationStore conversations, MessageViews messageViews, RatingStore ratings)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        var (head, messages) = await conversations.GetAsync(id, cancellationToken);
        if (head?.MergedInto is { Length: > 0 })
        {
            // An alias: a conversation folded into another answers as that one (its id in the body says which), so
            // links already emailed keep working. The web app moves to the id it is given.
            id = (await conversations.GetLiveHeadAsync(id, cancellationToken))?.PartitionKey ?? id;
            (head, messages) = await conversations.GetAsync(id, cancellationToken);
        }
        if (head is null)
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }

        var views = new List<MessageView>(messages.Count);
        foreach (var message in messages.OrderBy(m => m.SentAt).ThenBy(m => m.ReceivedAt))
        {
            views.Add(await messageViews.ViewAsync(id, message, cancellationToken));
        }
        var conversation = head.ToConversation();
        // The customers' ratings of the replies: one partition of the Ratings table, keyed by the conversation.
        var rated = (await ratings.ListAsync(id, cancellationToken))
            .Where(r => Core.Metrics.Ratings.IsKnown(r.Rating))
            .Select(r => new RatingView(r.MessageRowKey, r.Rating, r.Comment, r.RatedAt)).ToList();
        return Results.Ok(new ConversationDetail(
            id, head.Subject, head.Status, head.Mailbox, new PersonView(head.CustomerEmail, head.CustomerName),
            conversation.Participants.Select(p => new ParticipantView(p.Email, p.Name, p.Role.ToWire(), p.Flagged)).ToList(),
            Mailboxes.ReplyAddress(head.Mailbox, head.ReplyToken),
            head.LinkedConversationId, head.CreatedAt, head.LastActivityAt,
            head.AssigneeId, ConversationTags.Split(head.Tags), head.SnoozedUntil, head.FirstResponseAt,
            head.Version, views, rated)).WithETag(VersionTags.ETag(head.Version));
    }
}
