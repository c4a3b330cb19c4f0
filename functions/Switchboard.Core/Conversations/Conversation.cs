using Switchboard.Core.Inbound;
using Switchboard.Core.Threading;

namespace Switchboard.Core.Conversations;

/// <summary>
/// A conversation and the rules of what happens to it: mail arriving, an agent's reply, a note, a logged call, status
/// changes, assignment and tags. Storage reads one from its head row (<see cref="ConversationSnapshot"/>), lets a rule
/// change it, and writes it back only if nobody else wrote meanwhile; so a rule may run more than once on fresh
/// state and must depend only on what it is given.
/// </summary>
/// <remarks>
/// <see cref="Version"/> counts items (messages in and out, notes, calls), not head-only changes: an agent composing a
/// reply is told about new items, not about a teammate tagging the conversation.
/// </remarks>
public sealed class Conversation
{
    /// <summary>How far ahead a conversation may be snoozed.</summary>
    public static readonly TimeSpan LongestSnooze = TimeSpan.FromDays(366);

    private readonly List<Participant> participants;

    public Conversation(ConversationSnapshot state)
    {
        (Id, Mailbox, CustomerEmail, CustomerName, Subject, Status) =
            (state.Id, state.Mailbox, state.CustomerEmail, state.CustomerName, state.Subject, state.Status);
        participants = [.. state.Participants];
        (MessageCount, CreatedAt, LastActivityAt, EarliestSentAt, ClosedAt) =
            (state.MessageCount, state.CreatedAt, state.LastActivityAt, state.EarliestSentAt, state.ClosedAt);
        (ReplyToken, LinkedConversationId, Preview, Version) = (state.ReplyToken, state.LinkedConversationId, state.Preview, state.Version);
        (AssigneeId, Tags, SnoozedUntil, FirstResponseAt) = (state.AssigneeId, [.. state.Tags], state.SnoozedUntil, state.FirstResponseAt);
        (MergedInto, MergedAt, LatestRating) = (state.MergedInto, state.MergedAt, state.LatestRating);
    }

    public string Id { get; }
    public string Mailbox { get; }

    /// <summary>Where replies go; "" when the first mail had no readable sender.</summary>
    public string CustomerEmail { get; }
    public string? CustomerName { get; }
    public string Subject { get; private set; }
    public ConversationStatus Status { get; private set; }

    /// <summary>Everyone who wrote or was copied, the customer first.</summary>
    public IReadOnlyList<Participant> Participants => participants;
    public int MessageCount { get; private set; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset LastActivityAt { get; private set; }
    public DateTimeOffset EarliestSentAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string ReplyToken { get; }
    public string? LinkedConversationId { get; }
    public string Preview { get; private set; }
    public int Version { get; private set; }
    public string? AssigneeId { get; private set; }
    public IReadOnlyList<string> Tags { get; private set; }

    /// <summary>Set while snoozed: when it wakes up by itself (a customer message wakes it earlier).</summary>
    public DateTimeOffset? SnoozedUntil { get; private set; }

    /// <summary>When an agent first answered; null while the customer waits. Paging and metrics read it.</summary>
    public DateTimeOffset? FirstResponseAt { get; private set; }

    /// <summary>
    /// Set once this conversation was folded into another (threading found they are one): its items live there, and
    /// this id stays an alias that readers and writers follow. Nothing is added to an alias.
    /// </summary>
    public string? MergedInto { get; private set; }
    public DateTimeOffset? MergedAt { get; private set; }

    public bool IsAlias => MergedInto is { Length: > 0 };

    /// <summary>
    /// The customer's latest rating of one of its replies (great, okay, not-good), shown in the inbox; the ratings
    /// themselves, one per reply, are kept with the reply they rate.
    /// </summary>
    public string? LatestRating { get; private set; }

    /// <summary>
    /// A new, empty conversation: <paramref name="customer"/> first among the participants, then whoever else was
    /// addressed (<paramref name="copied"/>, without repeats) as cc. Its first mail is then applied with <see cref="Receive"/>.
    /// </summary>
    public static Conversation Start(string id, string mailbox, EmailAddress? customer, IEnumerable<EmailAddress> copied,
        string replyToken, string? linkedConversationId, DateTimeOffset now)
    {
        var people = customer is null ? new List<Participant>() : [new Participant(customer.Address, customer.Name, ParticipantRole.Customer, false)];
        foreach (var address in copied)
        {
            if (!people.Any(p => p.Is(address.Address)))
            {
                people.Add(new Participant(address.Address, address.Name, ParticipantRole.Cc, false));
            }
        }
        return new Conversation(new ConversationSnapshot(
            id, mailbox, customer?.Address ?? "", customer?.Name, "", ConversationStatus.Open, people, MessageCount: 0,
            CreatedAt: now, LastActivityAt: default, EarliestSentAt: DateTimeOffset.MaxValue, ClosedAt: null, replyToken,
            linkedConversationId, Preview: "", Version: 0, AssigneeId: null, Tags: [], SnoozedUntil: null, FirstResponseAt: null));
    }

    public ConversationSnapshot ToSnapshot() => new(
        Id, Mailbox, CustomerEmail, CustomerName, Subject, Status, [.. participants], MessageCount, CreatedAt, LastActivityAt,
        EarliestSentAt, ClosedAt, ReplyToken, LinkedConversationId, Preview, Version, AssigneeId, [.. Tags], SnoozedUntil, FirstResponseAt)
    {
        MergedInto = MergedInto,
        MergedAt = MergedAt,
        LatestRating = LatestRating,
    };

    /// <summary>This conversation was folded into <paramref name="survivorId"/>: from now on its id is an alias of that one.</summary>
    public void MergeInto(string survivorId, DateTimeOffset at)
    {
        if (survivorId == Id)
        {
            throw new ArgumentException("A conversation cannot be merged into itself.", nameof(survivorId));
        }
        (MergedInto, MergedAt) = (survivorId, at);
    }

    /// <summary>
    /// This (older) conversation takes in <paramref name="younger"/>, whose items were just copied into it: it holds
    /// <paramref name="messageCount"/> messages now (counted from its rows, so absorbing twice counts nothing twice),
    /// the later activity and its preview, the earlier mail's subject, both sets of tags and participants (the younger's
    /// customer as a participant), its own assignee or else the younger's, the earlier first response, and it opens
    /// when the younger's customer is waiting. The version moves past both, so a reply composed on either is refused.
    /// Everything else is kept, so doing it again with the same younger changes nothing but the version.
    /// </summary>
    public void Absorb(ConversationSnapshot younger, int messageCount)
    {
        if (IsAlias || younger.Id == Id)
        {
            throw new InvalidOperationException($"Conversation {Id} cannot absorb {younger.Id}: {(IsAlias ? "it was merged itself" : "it is the same one")}.");
        }
        MessageCount = messageCount;
        Version = Math.Max(Version, younger.Version) + 1;
        if (younger.LastActivityAt > LastActivityAt || younger.LastActivityAt == LastActivityAt && younger.Preview.Length > 0)
        {
            Preview = younger.Preview;
        }
        LastActivityAt = younger.LastActivityAt > LastActivityAt ? younger.LastActivityAt : LastActivityAt;
        if (younger.EarliestSentAt < EarliestSentAt)
        {
            (EarliestSentAt, Subject) = (younger.EarliestSentAt, younger.Subject);
        }
        Tags = [.. Tags.Union(younger.Tags, StringComparer.Ordinal)];
        AssigneeId ??= younger.AssigneeId;
        FirstResponseAt = FirstResponseAt is { } mine && (younger.FirstResponseAt is not { } theirs || mine <= theirs) ? mine : younger.FirstResponseAt;
        foreach (var person in younger.Participants.Where(p => !participants.Any(known => known.Is(p.Email))))
        {
            participants.Add(person.Role == ParticipantRole.Customer ? person with { Role = ParticipantRole.Participant } : person);
        }
        if (younger.Status == ConversationStatus.Open)
        {
            Reopen(); // the customer is waiting in the younger conversation: the merged one is waiting too
        }
    }

    /// <summary>
    /// Mail arrives. The conversation takes the subject (without reply prefixes) of its earliest mail by Date, shows
    /// the newest mail's text as its preview, and reopens when the customer side writes (not a machine, not us);
    /// someone other than the customer writing in becomes a flagged participant.
    /// </summary>
    /// <returns><see cref="MessageFlags.NewParticipant"/> when the sender joined by writing, else none.</returns>
    public MessageFlags Receive(ArrivingMail mail)
    {
        AddItem(mail.ReceivedAt);
        MessageCount++;
        if (mail.SentAt < EarliestSentAt)
        {
            EarliestSentAt = mail.SentAt;
            Subject = Subjects.WithoutPrefixes(mail.Subject);
        }
        Preview = TextPreview.Of(mail.VisibleText);

        var customerSideWrote = !mail.FromUs && !mail.Automatic;
        if (!customerSideWrote)
        {
            return MessageFlags.None;
        }
        Reopen();
        return mail.From is { } sender && !Participant.SameAddress(sender.Address, CustomerEmail) && Join(sender)
            ? MessageFlags.NewParticipant
            : MessageFlags.None;
    }

    /// <summary>
    /// An agent's reply is accepted for sending: whoever it copies becomes a participant, it counts as the first
    /// response if none came before, and the conversation takes the status the agent chose (a reply to a closed
    /// conversation reopens it first, so "closed" after it means closed now).
    /// </summary>
    public void Reply(AgentReply reply)
    {
        if (reply.StatusAfter == ConversationStatus.Snoozed)
        {
            throw new ArgumentException("A reply leaves a conversation open, pending or closed; snoozing needs a time.", nameof(reply));
        }
        AddItem(reply.At);
        MessageCount++;
        foreach (var address in reply.Cc)
        {
            if (!Participant.SameAddress(address, CustomerEmail) && !participants.Any(p => p.Is(address)))
            {
                participants.Add(new Participant(address, null, ParticipantRole.Cc, Flagged: false));
            }
        }
        Preview = TextPreview.Of(reply.Text);
        FirstResponseAt ??= reply.At;
        Reopen();
        if (reply.StatusAfter == ConversationStatus.Closed)
        {
            Close(reply.At);
        }
        else
        {
            Status = reply.StatusAfter;
        }
    }

    /// <summary>An internal note: activity (the conversation moves up the inbox) but not a message, and no answer to the customer.</summary>
    public void AddNote(DateTimeOffset at) => AddItem(at);

    /// <summary>A phone call with the customer, logged: activity, and an answer if the customer was still waiting.</summary>
    public void LogCall(DateTimeOffset at)
    {
        AddItem(at);
        FirstResponseAt ??= at;
    }

    /// <summary>Open again (a no-op when open): no closing time, no wake-up pending.</summary>
    public void Reopen()
    {
        Status = ConversationStatus.Open;
        ClosedAt = null;
        SnoozedUntil = null;
    }

    /// <summary>Waiting on the customer.</summary>
    public void MarkPending()
    {
        Reopen();
        Status = ConversationStatus.Pending;
    }

    /// <summary>Closed; closing a closed conversation keeps when it was first closed.</summary>
    public void Close(DateTimeOffset now)
    {
        ClosedAt = Status == ConversationStatus.Closed ? ClosedAt ?? now : now;
        Status = ConversationStatus.Closed;
        SnoozedUntil = null;
    }

    /// <summary>Out of the open inbox until <paramref name="until"/> (see <see cref="SnoozeTime"/>), or until the customer writes.</summary>
    public void Snooze(DateTimeOffset until, DateTimeOffset now)
    {
        var wakeAt = SnoozeTime(until, now) ?? throw new ArgumentOutOfRangeException(nameof(until), until,
            "Snoozing needs a time in the future, at most a year ahead.");
        Status = ConversationStatus.Snoozed;
        ClosedAt = null;
        SnoozedUntil = wakeAt;
    }

    /// <summary>Moves to <paramref name="status"/> by hand; snoozing needs <paramref name="snoozedUntil"/>.</summary>
    public void ChangeStatus(ConversationStatus status, DateTimeOffset? snoozedUntil, DateTimeOffset now)
    {
        switch (status)
        {
            case ConversationStatus.Open: Reopen(); break;
            case ConversationStatus.Pending: MarkPending(); break;
            case ConversationStatus.Closed: Close(now); break;
            case ConversationStatus.Snoozed:
                Snooze(snoozedUntil ?? throw new ArgumentNullException(nameof(snoozedUntil), "Snoozing needs a time."), now);
                break;
        }
    }

    /// <summary>
    /// The wake-up time a snooze until <paramref name="until"/> gets: whole seconds (the wake-up row's key and the
    /// head must name the same instant), UTC; null when not in the future or more than <see cref="LongestSnooze"/> ahead.
    /// </summary>
    public static DateTimeOffset? SnoozeTime(DateTimeOffset until, DateTimeOffset now) =>
        until <= now || until > now + LongestSnooze
            ? null
            : new DateTimeOffset(until.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>
    /// The snooze that ends at <paramref name="wakeAt"/> is over: open again. False, changing nothing, when that
    /// snooze no longer holds (un-snoozed, snoozed again for another time, or woken by the customer).
    /// </summary>
    public bool Wake(DateTimeOffset wakeAt)
    {
        if (Status != ConversationStatus.Snoozed || SnoozedUntil != wakeAt)
        {
            return false;
        }
        Reopen();
        return true;
    }

    /// <summary>The customer rated a reply: not activity (the conversation keeps its place in the inbox), only what it shows.</summary>
    public void Rate(string rating) => LatestRating = rating;

    /// <summary>Assigns to an agent, or unassigns with null.</summary>
    public void Assign(string? agentId) => AssigneeId = agentId;

    /// <summary>Replaces the tags (already normalised by <see cref="ConversationTags.Normalize"/>).</summary>
    public void Retag(IReadOnlyList<string> tags) => Tags = [.. tags];

    /// <summary>
    /// Whether a reply composed against <paramref name="seenVersion"/> would ignore items added since; null means the
    /// author accepts whatever arrived meanwhile (a reply by mail, a call recap).
    /// </summary>
    public bool IsNewerThan(int? seenVersion) => seenVersion is { } seen && seen != Version;

    private void AddItem(DateTimeOffset at)
    {
        Version++;
        LastActivityAt = at > LastActivityAt ? at : LastActivityAt;
    }

    /// <summary>A sender who is not yet a participant joins, flagged; false when they already were one.</summary>
    private bool Join(EmailAddress sender)
    {
        var known = participants.FindIndex(p => p.Is(sender.Address));
        if (known >= 0 && participants[known].Role == ParticipantRole.Participant)
        {
            return false;
        }
        var participant = new Participant(sender.Address, sender.Name ?? (known >= 0 ? participants[known].Name : null), ParticipantRole.Participant, true);
        if (known >= 0)
        {
            participants[known] = participant;
        }
        else
        {
            participants.Add(participant);
        }
        return true;
    }
}
