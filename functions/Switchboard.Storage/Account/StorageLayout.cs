using Switchboard.Core;

namespace Switchboard.Storage.Account;

/// <summary>
/// Every table, queue and container the product uses, created on start-up when missing.
/// docs/storage.md describes the keys of each.
/// </summary>
public static class StorageLayout
{
    public const string ConversationsTable = "Conversations";
    public const string InboxIndexTable = "InboxIndex";
    public const string ThreadKeysTable = "ThreadKeys";
    public const string CustomersTable = "Customers";
    public const string ActivityTable = "Activity";
    public const string AgentsTable = "Agents";
    public const string SessionsTable = "Sessions";
    public const string SignInLinksTable = "SignInLinks";
    public const string ApiKeysTable = "ApiKeys";
    public const string MailSinkTable = "MailSink";
    public const string OnCallSchedulesTable = "OnCallSchedules";
    public const string WakeupsTable = "Wakeups";
    public const string PresenceTable = "Presence";
    public const string ReadMarksTable = "ReadMarks";
    public const string MentionsSentTable = "MentionsSent";
    public const string EscalationPoliciesTable = "EscalationPolicies";
    public const string EscalationsTable = "Escalations";
    public const string PagesTable = "Pages";
    public const string SearchIndexTable = "SearchIndex";
    public const string SavedRepliesTable = "SavedReplies";
    public const string DeliveryEventsTable = "DeliveryEvents";
    public const string DraftQueueTable = "DraftQueue";
    public const string StatusPageTable = "StatusPage";
    public const string StatusChecksTable = "StatusChecks";
    public const string StatusSubscribersTable = "StatusSubscribers";
    public const string StatusDeliveriesTable = "StatusDeliveries";
    public const string KbArticlesTable = "KbArticles";
    public const string KbRevisionsTable = "KbRevisions";
    public const string KbFeedbackTable = "KbFeedback";
    public const string MetricFactsTable = "MetricFacts";
    public const string MetricRollupsTable = "MetricRollups";
    public const string FeatureRequestsTable = "FeatureRequests";
    public const string PhoneContactsTable = "PhoneContacts";
    public const string PhoneSinkTable = "PhoneSink";
    public const string RatingsTable = "Ratings";
    public const string NpsSurveysTable = "NpsSurveys";
    public const string FeedbackCommentsTable = "FeedbackComments";
    public const string OutreachTable = "Outreach";

    /// <summary>Raw mail (<c>raw/</c>), attachments (<c>attachments/</c>) and large bodies (<c>bodies/</c>).</summary>
    public const string MailContainer = "mail";

    /// <summary>Images and files uploaded for knowledge base articles (<c>{articleId}/{fileId}/{name}</c>).</summary>
    public const string KbFilesContainer = "kb-files";

    /// <summary>The public static site as published (knowledge base, status page): see <c>StaticSiteStore</c>.</summary>
    public const string SiteContainer = "site";

    public static readonly IReadOnlyList<string> Tables =
        [
            ConversationsTable, InboxIndexTable, ThreadKeysTable, CustomersTable, ActivityTable,
            AgentsTable, SessionsTable, SignInLinksTable, ApiKeysTable, MailSinkTable,
            OnCallSchedulesTable, EscalationPoliciesTable, EscalationsTable, PagesTable, DeliveryEventsTable,
            SearchIndexTable, SavedRepliesTable, DraftQueueTable, StatusPageTable, StatusChecksTable, StatusSubscribersTable, StatusDeliveriesTable, KbArticlesTable, KbRevisionsTable, KbFeedbackTable,
            WakeupsTable, PresenceTable, ReadMarksTable, MentionsSentTable, MetricFactsTable, MetricRollupsTable,
            FeatureRequestsTable, PhoneContactsTable, PhoneSinkTable, RatingsTable, NpsSurveysTable, FeedbackCommentsTable, OutreachTable,
        ];

    public static readonly IReadOnlyList<string> Queues =
    [
        QueueNames.InboundEmail, QueueNames.PoisonOf(QueueNames.InboundEmail),
        QueueNames.DomainEvents, QueueNames.PoisonOf(QueueNames.DomainEvents),
        QueueNames.NoteMentions, QueueNames.PoisonOf(QueueNames.NoteMentions),
        QueueNames.EscalationChecks, QueueNames.PoisonOf(QueueNames.EscalationChecks),
        QueueNames.OutboundEmail, QueueNames.PoisonOf(QueueNames.OutboundEmail),
        QueueNames.ConversationWakeups, QueueNames.PoisonOf(QueueNames.ConversationWakeups),
        QueueNames.ShiftStarts, QueueNames.PoisonOf(QueueNames.ShiftStarts),
        QueueNames.StaticSiteDeploys, QueueNames.PoisonOf(QueueNames.StaticSiteDeploys),
        QueueNames.KbPublishes, QueueNames.PoisonOf(QueueNames.KbPublishes),
        QueueNames.PageNotifications, QueueNames.PoisonOf(QueueNames.PageNotifications),
        QueueNames.StatusMaintenance, QueueNames.PoisonOf(QueueNames.StatusMaintenance),
        QueueNames.StatusChecks, QueueNames.PoisonOf(QueueNames.StatusChecks),
        QueueNames.StatusNotifications, QueueNames.PoisonOf(QueueNames.StatusNotifications),
        QueueNames.NpsSurveys, QueueNames.PoisonOf(QueueNames.NpsSurveys),
    ];

    public static readonly IReadOnlyList<string> Containers = [MailContainer, SiteContainer, KbFilesContainer];
}
