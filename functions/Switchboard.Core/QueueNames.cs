namespace Switchboard.Core;

/// <summary>
/// Every queue Switchboard uses. The Functions app's <c>[QueueTrigger]</c> attributes and the local host's
/// queue pump both take their names from here; failed messages move to <c>{name}-poison</c>.
/// </summary>
public static class QueueNames
{
    /// <summary>Raw mail stored by the webhooks, waiting to be parsed and threaded.</summary>
    public const string InboundEmail = "inbound-email";

    /// <summary>Domain events (conversation started, message received) for paging, metrics and notifications.</summary>
    public const string DomainEvents = "domain-events";

    /// <summary>Internal notes that @mention agents, waiting for the mention emails to go out.</summary>
    public const string NoteMentions = "note-mentions";
    /// <summary>Escalation checks, each hidden until it is due (a conversation nobody has answered pages the next level).</summary>
    public const string EscalationChecks = "escalation-checks";
    /// <summary>Replies accepted for sending (<c>{conversationId, messageId, attempt}</c>), delivered by <c>DeliverOutboundEmail</c>.</summary>
    public const string OutboundEmail = "outbound-email";

    /// <summary>A snoozed conversation's wake-up (<c>{conversationId, wakeAt}</c>), hidden until it is due.</summary>
    public const string ConversationWakeups = "conversation-wakeups";

    /// <summary>The next shift start of any schedule (<c>{at}</c>), hidden until then: shift-start notices go out on time.</summary>
    public const string ShiftStarts = "shift-starts";

    /// <summary>A site section has a new release (<c>{releaseId, section}</c>): copy the site to Static Web Apps.</summary>
    public const string StaticSiteDeploys = "static-site-deploys";

    /// <summary>
    /// The public knowledge base should be published again (<c>{id, generation}</c>), hidden for a short while so a
    /// burst of edits is published once.
    /// </summary>
    public const string KbPublishes = "kb-publishes";

    /// <summary>
    /// A page's next notification-rule step (<c>{id, pageId, agentId, index, dueAt}</c>: text or call the person paged),
    /// hidden until it is due; acknowledging the page stops the chain.
    /// </summary>
    public const string PageNotifications = "page-notifications";

    /// <summary>A status page maintenance window's next stage (<c>{maintenanceId, at}</c>), hidden until it is due.</summary>
    public const string StatusMaintenance = "status-maintenance";

    /// <summary>An uptime check's next run (<c>{checkId, runAt}</c>), hidden until it is due.</summary>
    public const string StatusChecks = "status-checks";

    /// <summary>
    /// Status page subscribers' work (<c>{type, eventId, …}</c>): a notification's fan-out, one chunk of subscribers a
    /// message; a confirmation to send; one webhook delivery (retried here, then poison).
    /// </summary>
    public const string StatusNotifications = "status-notifications";

    /// <summary>
    /// A closed conversation's NPS survey (<c>{conversationId, closedAt, dueAt}</c>), hidden until it is due (N days after
    /// the close); sent only if the conversation is still closed by that close.
    /// </summary>
    public const string NpsSurveys = "nps-surveys";

    /// <summary>Every queue above (replay accepts only these); a test holds it to the Functions app's queue triggers.</summary>
    public static readonly IReadOnlyList<string> All = [InboundEmail, DomainEvents, NoteMentions, EscalationChecks, OutboundEmail, ConversationWakeups, ShiftStarts, StaticSiteDeploys, KbPublishes, PageNotifications, StatusMaintenance, StatusChecks, StatusNotifications, NpsSurveys];

    public const string PoisonSuffix = "-poison";

    public static string PoisonOf(string queueName) => queueName + PoisonSuffix;
}
