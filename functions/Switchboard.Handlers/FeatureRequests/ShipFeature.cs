using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Drafts;
using Switchboard.Handlers.Replies;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Drafts;
using Switchboard.Storage.FeatureRequests;

namespace Switchboard.Handlers.FeatureRequests;

/// <summary>
/// <c>POST /api/feature-requests/{key}/ship</c> {message?}: the feature shipped. Marks it shipped and drafts one
/// personal email per customer who asked, in their latest conversation about it, as the caller's drafts: they wait in
/// the approval queue and go out only when an agent approves them (nothing is sent here). A customer drafted for before
/// is skipped, so shipping again only drafts for people who asked since.
/// </summary>
public sealed class ShipFeature(
    FeatureRequestStore store, ConversationStore conversations, SubmitDraft drafts, DraftWorkflow workflow, TimeProvider time)
{
    public async Task<IResult> HandleAsync(Agent agent, string key, ShipFeatureBody body, CancellationToken cancellationToken = default)
    {
        if (await store.GetFeatureAsync(key, cancellationToken) is not { } feature)
        {
            return Problems.NotFound($"There is no feature '{key}'.");
        }
        if (body.Message is { Length: > 4000 })
        {
            return Problems.BadRequest("message is at most 4000 characters.", "message");
        }
        var author = await workflow.PersonAsync(agent, cancellationToken);
        var now = time.GetUtcNow();
        await store.MarkShippedAsync(feature, now, author.Name ?? agent.Email ?? author.AgentId, cancellationToken);

        var created = new List<ShippedDraft>();
        var requests = await store.RequestsAsync(key, cancellationToken);
        foreach (var asker in requests.GroupBy(r => r.CustomerEmail.ToLowerInvariant()))
        {
            if (asker.Any(r => r.DraftId is not null))
            {
                continue;
            }
            var latest = asker.OrderByDescending(r => r.AskedAt).First();
            var head = await conversations.GetLiveHeadAsync(latest.ConversationId, cancellationToken);
            if (head is null)
            {
                continue;
            }
            var text = Announcement(latest.CustomerName, feature.Name, body.Message, author.Name);
            var draft = await drafts.AddAsync(author, head.PartitionKey, head.Subject,
                new OutgoingReply(text, null, [], [], "closed"), cancellationToken);
            var draftId = DraftStore.PublicId(draft.PartitionKey, draft.RowKey);
            await store.MarkDraftedAsync(latest, draftId, cancellationToken);
            created.Add(new ShippedDraft(draftId, head.PartitionKey, latest.CustomerEmail));
        }
        return Results.Ok(new FeatureShipped(key, feature.Name, feature.ShippedAt ?? now, created));
    }

    /// <summary>A starting point the agent edits before approving: addressed to the customer by first name.</summary>
    public static string Announcement(string? customerName, string feature, string? message, string? agentName)
    {
        var first = customerName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var paragraphs = new List<string>
        {
            first is null ? "Hello," : $"Hi {first},",
            $"You asked us for {feature}, and I wanted you to hear it from us first: it is available now.",
        };
        if (message is { Length: > 0 })
        {
            paragraphs.Add(message.Trim());
        }
        paragraphs.Add("Thank you for telling us you needed it. If anything about it does not work the way you hoped, just reply to this email.");
        if (agentName is { Length: > 0 })
        {
            paragraphs.Add(agentName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        }
        return string.Join("\n\n", paragraphs);
    }
}
