using System.Security.Cryptography;
using System.Text.Json;
using Switchboard.Core.Conversations;
using Switchboard.Core.Outreach;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Drafts;
using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Replies;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Customers;
using Switchboard.Storage.Drafts;
using Switchboard.Storage.Outreach;

namespace Switchboard.Handlers.Outreach;

/// <summary>
/// One outreach conversation and draft per customer and burst of errors. An alert joins the customer's group while
/// its draft still waits for approval, or within <c>Outreach:GroupWindow</c> of the group's last alert; otherwise it
/// opens a new group (if the storm limit on new drafts allows). In a group, an alert with a new dedup key is added as
/// a note and to the draft (re-rendered while it waits); a known key only counts. The draft goes through the Drafts
/// feature (<see cref="SubmitDraft.AddAsync"/>), authored by the API key that posted the alert.
/// </summary>
public sealed class OutreachGroups(
    OutreachStore store, OutreachTemplates templates, ConversationUpdater updater, ConversationStore conversations, CustomerStore customers,
    SubmitDraft submit, DraftWorkflow drafts, DraftStore draftRows, IOptions<OutreachOptions> options, IOptions<MailOptions> mail, TimeProvider time)
{
    private const int MaxAlertsListed = 20;

    public string Mailbox => options.Value.Mailbox is { Length: > 0 } mailbox ? mailbox : mail.Value.Mailboxes[0];

    /// <param name="alert">With the customer's address resolved.</param>
    public async Task<GroupResult> AddAsync(Agent agent, ErrorAlert alert, CancellationToken cancellationToken = default)
    {
        var email = alert.CustomerEmail!;
        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var group = await store.GetGroupAsync(email, cancellationToken);
            var draft = group?.DraftId is { } draftId ? await drafts.FindAsync(draftId, cancellationToken) : null;
            var waiting = draft?.State == DraftStates.Submitted;
            if (group is not null && (waiting || now - group.LastAlertAt < options.Value.GroupWindow))
            {
                var alerts = Read(group);
                var known = alerts.FindIndex(a => a.Key == alert.DedupKey);
                if (known >= 0)
                {
                    alerts[known] = alerts[known] with { Count = alerts[known].Count + 1, LastAt = now };
                }
                else if (alerts.Count < MaxAlertsListed)
                {
                    alerts.Add(GroupedAlert.Of(alert, now));
                }
                (group.Alerts, group.Count, group.LastAlertAt) = (JsonSerializer.Serialize(alerts, JsonDefaults.Options), group.Count + 1, now);
                if (!await store.TrySaveGroupAsync(group, cancellationToken))
                {
                    continue;
                }
                if (known < 0)
                {
                    await AddNoteAsync(agent, group.ConversationId, alert, now, cancellationToken);
                    if (waiting)
                    {
                        await RewriteDraftAsync(draft!, group, alerts, cancellationToken);
                    }
                }
                return new GroupResult("grouped", group, Repeat: known >= 0);
            }

            if (!await store.TryTakeAsync("drafts", OutreachLimits.WindowStart(now, options.Value.StormWindow), options.Value.MaxDraftsPerWindow, cancellationToken))
            {
                return new GroupResult("suppressed", null, Repeat: false);
            }
            var opened = new OutreachGroupEntity
            {
                PartitionKey = OutreachStore.CustomerPartition(email),
                ETag = group?.ETag ?? default,
                CustomerEmail = email,
                CustomerName = alert.CustomerName,
                ConversationId = OutreachConversation.IdFor(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))),
                OpenedAt = now,
                FirstAlertAt = alert.OccurredAt ?? now,
                LastAlertAt = now,
                Count = 1,
                Alerts = JsonSerializer.Serialize(new[] { GroupedAlert.Of(alert, now) }, JsonDefaults.Options),
            };
            if (!await store.TrySaveGroupAsync(opened, cancellationToken))
            {
                continue; // another alert about this customer opened or changed the group first: join it
            }
            await OpenAsync(agent, opened, alert, now, cancellationToken);
            return new GroupResult("opened", opened, Repeat: false);
        }
        throw new InvalidOperationException($"The outreach group of {email} kept changing; try again.");
    }

    /// <summary>Claims the group's one page; false when another alert claimed it (or the group moved on).</summary>
    public async Task<bool> MarkPagedAsync(string email, string conversationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (await store.GetGroupAsync(email, cancellationToken) is not { PagedAt: null } group || group.ConversationId != conversationId)
            {
                return false;
            }
            group.PagedAt = at;
            if (await store.TrySaveGroupAsync(group, cancellationToken))
            {
                return true;
            }
        }
        return false;
    }

    public async Task<string> SubjectAsync(OutreachGroupEntity group, CancellationToken cancellationToken = default) =>
        (await conversations.GetHeadAsync(group.ConversationId, cancellationToken))?.Subject ?? "";

    /// <summary>The conversation (started by the alert's note), the customer's link to it, and the draft.</summary>
    private async Task OpenAsync(Agent agent, OutreachGroupEntity group, ErrorAlert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = (await templates.CurrentAsync(cancellationToken)).Render(group.CustomerName, [alert.Summary], group.FirstAlertAt, 1);
        var note = Note(agent, alert, now);
        var update = await updater.WriteAsync(group.ConversationId,
            () => OutreachConversation.Start(group.ConversationId, Mailbox, group.CustomerEmail, group.CustomerName, text.Subject,
                ReplyTokens.Create(), alert.Summary, now),
            knownHead: null,
            conversation =>
            {
                conversation.AddNote(now);
                note.Subject = conversation.Subject;
                return ConversationEdit.Add(note);
            }, cancellationToken);
        await customers.RecordContactAsync(group.CustomerEmail, group.CustomerName, group.ConversationId, now, cancellationToken);

        var author = await drafts.PersonAsync(agent, cancellationToken);
        var draft = await submit.AddAsync(author, group.ConversationId, update!.Conversation.Subject,
            new OutgoingReply(text.Body, null, [], [], "pending"), cancellationToken);
        var draftId = DraftStore.PublicId(draft.PartitionKey, draft.RowKey);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            // Alerts joining meanwhile changed the row: set the draft on the row as it is now.
            if (await store.GetGroupAsync(group.CustomerEmail, cancellationToken) is not { } current || current.ConversationId != group.ConversationId)
            {
                break;
            }
            current.DraftId = draftId;
            if (await store.TrySaveGroupAsync(current, cancellationToken))
            {
                (group.DraftId, group.ETag, group.Count) = (draftId, current.ETag, current.Count);
                break;
            }
        }
    }

    /// <summary>The waiting draft, rendered again for every distinct alert of the group; an approver's open copy then conflicts (draft version).</summary>
    private async Task RewriteDraftAsync(DraftEntity draft, OutreachGroupEntity group, List<GroupedAlert> alerts, CancellationToken cancellationToken)
    {
        var text = (await templates.CurrentAsync(cancellationToken)).Render(group.CustomerName, [.. alerts.Select(a => a.Summary)], group.FirstAlertAt, group.Count);
        draft.Version++;
        await drafts.FillAsync(draft, new OutgoingReply(text.Body, null, [], [], draft.StatusAfter), cancellationToken);
        if (await draftRows.TryReplaceAsync(draft, cancellationToken))
        {
            await draftRows.IndexAsync(draft, draft.QueueRowKey, cancellationToken);
        }
    }

    private async Task AddNoteAsync(Agent agent, string conversationId, ErrorAlert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var note = Note(agent, alert, now);
        await updater.UpdateAsync(conversationId, conversation =>
        {
            conversation.AddNote(now);
            note.Subject = conversation.Subject;
            return ConversationEdit.Add(note);
        }, cancellationToken);
    }

    /// <summary>What the team sees of an alert in the conversation (the link is for them, not the customer).</summary>
    private static MessageEntity Note(Agent agent, ErrorAlert alert, DateTimeOffset now)
    {
        var lines = new List<string> { $"Error alert ({alert.Source}, {alert.Severity.ToWire()}): {alert.Summary}" };
        if (alert.Link is { } link)
        {
            lines.Add($"Link: {link}");
        }
        if (alert.OccurredAt is { } at)
        {
            lines.Add($"Occurred at: {at:yyyy-MM-dd HH:mm:ss} UTC");
        }
        lines.Add($"Dedup key: {alert.DedupKey}");
        var text = string.Join("\n", lines);
        return new MessageEntity
        {
            RowKey = "m" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))[..23],
            Kind = MessageKinds.Note,
            Direction = "outbound",
            AuthorAgentId = agent.Id,
            FromName = agent.Name ?? "Error alerts",
            SentAt = now,
            ReceivedAt = now,
            Text = text,
            VisibleText = text,
            ThreadMatch = "None",
        };
    }

    private static List<GroupedAlert> Read(OutreachGroupEntity group) =>
        JsonSerializer.Deserialize<List<GroupedAlert>>(group.Alerts, JsonDefaults.Options) ?? [];
}

/// <summary>An alert of a group, by dedup key, as the group row lists it.</summary>
public sealed record GroupedAlert(string Key, string Summary, string? Link, string Severity, int Count, DateTimeOffset FirstAt, DateTimeOffset LastAt)
{
    public static GroupedAlert Of(ErrorAlert alert, DateTimeOffset now) =>
        new(alert.DedupKey, alert.Summary, alert.Link, alert.Severity.ToWire(), 1, alert.OccurredAt ?? now, now);
}

/// <param name="Outcome"><c>opened</c>, <c>grouped</c> or <c>suppressed</c>.</param>
public sealed record GroupResult(string Outcome, OutreachGroupEntity? Group, bool Repeat);
