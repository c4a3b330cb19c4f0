using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Switchboard.Core.Inbound;
using Switchboard.Core.Threading;
using Switchboard.Handlers.Admin;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Calls;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Escalation;
using Switchboard.Handlers.Customers;
using Switchboard.Handlers.Events;
using Switchboard.Handlers.Health;
using Switchboard.Handlers.Inbound;
using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Metrics;
using Switchboard.Handlers.Replies;
using Switchboard.Handlers.Drafts;
using Switchboard.Storage.Drafts;
using Switchboard.Handlers.Security;
using Switchboard.Handlers.Team;
using Switchboard.Handlers.Telemetry;
using Switchboard.Handlers.WebApp;
using Switchboard.Handlers.OnCall;
using Switchboard.Handlers.SavedReplies;
using Switchboard.Handlers.Status;
using Switchboard.Handlers.FeatureRequests;
using Switchboard.Handlers.Search;
using Switchboard.Handlers.Outreach;
using Switchboard.Handlers.Phone;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Customers;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.Events;
using Switchboard.Storage.Inbound;
using Switchboard.Storage.OnCall;
using Switchboard.Storage.Threading;
using Switchboard.Storage.Auth;
using Switchboard.Storage.Mail;
using Switchboard.Storage.Replies;
using Switchboard.Storage.Team;
using Switchboard.Storage.SavedReplies;
using Switchboard.Storage.Search;
using Switchboard.Handlers.StaticSite;
using Switchboard.Handlers.KnowledgeBase;
using Switchboard.Handlers.KnowledgeBase.Site;
using Switchboard.Handlers.KnowledgeBase.Public;
using Switchboard.Handlers.KnowledgeBase.Contact;
using Switchboard.Handlers.Nps;
using Switchboard.Handlers.Digest;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers;

public static class SwitchboardServiceCollectionExtensions
{
    /// <summary>Everything both hosts need: options, storage, handlers, telemetry. Each host adds only its own plumbing.</summary>
    public static IServiceCollection AddSwitchboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSwitchboardStorage(configuration);
        services.AddSwitchboardTelemetry(configuration);
        services.AddRequestBodyLimit();
        services.AddSingleton<PoisonQueue>();
        AddValidatedOptions<MailOptions>(services, MailOptions.Section);
        AddValidatedOptions<InboundOptions>(services, InboundOptions.Section);
        AddValidatedOptions<AuthOptions>(services, AuthOptions.Section);
        AddValidatedOptions<EscalationOptions>(services, EscalationOptions.Section);
        services.AddOptions<ThreadingOptions>().BindConfiguration(ThreadingOptions.Section);

        services.AddSingleton(sp => new Mailboxes(sp.GetRequiredService<IOptions<MailOptions>>().Value.Mailboxes));
        services.AddSingleton(sp => new OwnMessageIds(sp.GetRequiredService<IOptions<MailOptions>>().Value.EffectiveMessageIdDomain()));
        services.AddSingleton(sp => new ThreadResolver(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ThreadingOptions>>().Value, sp.GetRequiredService<OwnMessageIds>()));
        services.AddOptions<DevMailViewOptions>().BindConfiguration(DevMailViewOptions.Section);
        services.AddSingleton<AgentAuthenticator>();
        services.AddSingleton<AgentApi>();
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<SessionCookies>();
        services.AddSingleton<SignInLinks>();
        services.AddSingleton<DevMailAccess>();
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<MailOptions>>((sendGrid, mail) => mail.Value.Sender != MailOptions.SendGridSender || sendGrid.ApiKey is { Length: > 0 },
                "SendGrid:ApiKey is missing: Mail:Sender is sendgrid, so set SendGrid__ApiKey to a key with the Mail Send permission.")
            .ValidateOnStart();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSink
            ? ActivatorUtilities.CreateInstance<MailSinkSender>(sp)
            : ActivatorUtilities.CreateInstance<SendGridSender>(sp));

        services.AddSingleton<RawMailStore>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<MessageContentStore>();
        services.AddSingleton<InboxIndex>();
        services.AddSingleton<ThreadKeyStore>();
        services.AddSingleton<CustomerStore>();
        services.AddSingleton<EventQueue>();
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<AgentStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SignInLinkStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<MailSinkStore>();
        services.AddSingleton<FirstAdminSeeder>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<FirstAdminSeeder>());

        services.AddSingleton<CheckHealth>();
        services.AddOptions<WebAppOptions>().BindConfiguration(WebAppOptions.Section);
        services.AddSingleton<ServeWebApp>();
        services.AddSingleton<WebhookGuard>();
        services.AddSingleton<InboundAcceptance>();
        services.AddSingleton<ReceiveMimeEmail>();
        services.AddSingleton<ReceiveSendGridEmail>();
        services.AddSingleton<ConversationWriter>();
        services.AddSingleton<Threading.ConversationMerger>();
        services.AddSingleton<ListConversations>();
        services.AddSingleton<GetConversation>();
        services.AddSingleton<ConversationUpdater>();
        services.AddSingleton<WakeupStore>();
        services.AddSingleton<PresenceStore>();
        services.AddSingleton<ReadMarkStore>();
        services.AddSingleton<MentionsSentStore>();
        services.AddSingleton<Teammates>();
        services.AddSingleton<UpdateConversation>();
        services.AddSingleton<AddNote>();
        services.AddSingleton<BeatPresence>();
        services.AddSingleton<ListAssignees>();
        services.AddSingleton<MessageViews>();
        services.AddSingleton<DeliveryEventStore>();
        services.AddSingleton<ReplySender>();
        services.AddSingleton<OutboundMailComposer>();
        services.AddSingleton<SendReply>();
        services.AddSingleton<RetryDelivery>();
        services.AddSingleton<ReceiveDeliveryEvents>();
        services.AddSingleton<NewConversationNotifier>();
        services.AddSingleton<AgentMailReplies>();
        services.AddSingleton<NotificationReplyAddresses>();
        services.AddSingleton<AgentMailVerification>();
        services.AddSingleton<AgentMailNotes>();
        services.AddSingleton<UpdatePreferences>();
        services.AddSingleton<DraftStore>();
        services.AddSingleton<DraftWorkflow>();
        services.AddSingleton<SubmitDraft>();
        services.AddSingleton<ListConversationDrafts>();
        services.AddSingleton<ListDrafts>();
        services.AddSingleton<UpdateDraft>();
        services.AddSingleton<ApproveDraft>();
        services.AddSingleton<ReturnDraft>();
        services.AddSingleton<LogCall>();
        services.AddSingleton<MessagePartAccess>();
        services.AddSingleton<DownloadRawMessage>();
        services.AddSingleton<DownloadAttachment>();
        services.AddSingleton<ReplayPoisonMessages>();
        services.AddSingleton<RequestMagicLink>();
        services.AddSingleton<ConsumeMagicLink>();
        services.AddSingleton<SignOut>();
        services.AddSingleton<GetCurrentAgent>();
        services.AddSingleton<CreateApiKey>();
        services.AddSingleton<RevokeApiKey>();
        services.AddSingleton<ListAgents>();
        services.AddSingleton<InviteAgent>();
        services.AddSingleton<UpdateAgent>();
        services.AddSingleton<AgentAccessRevoker>();
        services.AddSingleton<ListDevMail>();
        services.AddSingleton<GetDevMail>();

        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<CalendarTokenStore>();
        services.AddSingleton<CalendarTokens>();
        services.AddSingleton<ListSchedules>();
        services.AddSingleton<CreateSchedule>();
        services.AddSingleton<GetSchedule>();
        services.AddSingleton<UpdateSchedule>();
        services.AddSingleton<DeleteSchedule>();
        services.AddSingleton<AddOverride>();
        services.AddSingleton<RemoveOverride>();
        services.AddSingleton<GetTimeline>();
        services.AddSingleton<GetOnCallNow>();
        services.AddSingleton<IssueScheduleCalendarToken>();
        services.AddSingleton<RevokeScheduleCalendarToken>();
        services.AddSingleton<IssueAgentCalendarToken>();
        services.AddSingleton<RevokeAgentCalendarToken>();
        services.AddSingleton<GetCalendarFeed>();

        services.AddSingleton<EscalationPolicyStore>();
        services.AddSingleton<EscalationStore>();
        services.AddSingleton<ShiftNoticeStore>();
        services.AddSingleton<PageLogStore>();
        services.AddSingleton<PageLinks>();
        services.AddSingleton<PageSender>();
        services.AddSingleton<EscalationEngine>();
        services.AddHttpClient(PageSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp => PublicEndpoints.CreateHandler(sp.GetRequiredService<IOptions<EscalationOptions>>().Value.AllowLocalWebhooks));
        services.AddSingleton<ListEscalationPolicies>();
        services.AddSingleton<GetEscalationPolicy>();
        services.AddSingleton<PutEscalationPolicy>();
        services.AddSingleton<ListPages>();
        services.AddSingleton<ShowPageAcknowledgement>();
        services.AddSingleton<AcknowledgePage>();
        services.AddSingleton<PageAcknowledger>();
        services.AddPhonePaging();
        services.AddOutreach();
        services.AddSingleton<SetPagingSettings>();
        AddAgentLibrary(services);
        services.AddSingleton<SitePublisher>();
        services.AddSingleton<DeployStaticSite>();
        services.AddSingleton<ServeStaticSite>();
        services.AddStatusPage();
        services.AddTeamMetrics();
        services.AddFeatureRequests();
        services.AddNpsSurveys();
        services.AddWeeklyDigest();

        services.AddSingleton<ProcessInboundEmail>();
        services.AddSingleton<DispatchDomainEvent>();
        services.AddSingleton<NotifyMentionedAgents>();
        services.AddSingleton<WakeSnoozedConversations>();
        services.AddSingleton<SnoozeAlarm>();
        services.AddSingleton<WakeSnoozedConversationsWhenDue>();
        services.AddSingleton<RunEscalationCheck>();
        services.AddSingleton<SweepEscalations>();
        services.AddSingleton<NotifyShiftStarts>();
        services.AddSingleton<ShiftStartAlarm>();
        services.AddSingleton<NotifyShiftStartsWhenDue>();
        services.AddSingleton<DeliverOutboundEmail>();
        return services;
    }

    /// <summary>Search (and the indexer the writers call), customers, saved replies.</summary>
    private static void AddAgentLibrary(IServiceCollection services)
    {
        services.AddSingleton<SearchIndexStore>();
        services.AddSingleton<ConversationIndexer>();
        services.AddSingleton<SearchConversations>();
        services.AddSingleton<GetCustomer>();
        services.AddSingleton<UpdateCustomerNotes>();
        services.AddSingleton<SavedReplyStore>();
        services.AddSingleton<ListSavedReplies>();
        services.AddSingleton<CreateSavedReply>();
        services.AddSingleton<UpdateSavedReply>();
        services.AddSingleton<DeleteSavedReply>();
        services.AddSingleton<RenderSavedReply>();
        services.AddSingleton<ArticleStore>();
        AddValidatedOptions<KnowledgeBaseOptions>(services, KnowledgeBaseOptions.Section);
        services.AddSingleton<KbSiteStateStore>();
        services.AddSingleton<KbPublishRequests>();
        services.AddSingleton<KbSiteModel>();
        services.AddSingleton<PublishKnowledgeBase>();
        services.AddSingleton<GetKbSite>();
        services.AddSingleton<RequestKbPublish>();
        services.AddSingleton<KbFeedbackStore>();
        services.AddSingleton<PublicApi>();
        services.AddSingleton<PostArticleFeedback>();
        services.AddSingleton<PostSearchMiss>();
        services.AddSingleton<PostContactVisit>();
        services.AddSingleton<GetArticleFeedback>();
        services.AddSingleton<ListArticleFeedback>();
        services.AddSingleton<ListSearchMisses>();
        services.AddSingleton<GetDeflection>();
        services.AddSingleton<ContactSettingsStore>();
        services.AddSingleton<GetContactSettings>();
        services.AddSingleton<PutContactSettings>();
        services.AddSingleton<PostContact>();
        services.AddSingleton<ArticleAuthoring>();
        services.AddSingleton<ListArticles>();
        services.AddSingleton<GetArticle>();
        services.AddSingleton<CreateArticle>();
        services.AddSingleton<UpdateArticle>();
        services.AddSingleton<PublishArticle>();
        services.AddSingleton<ListArticleRevisions>();
        services.AddSingleton<DiffArticleRevisions>();
        services.AddSingleton<RestoreArticleRevision>();
        services.AddSingleton<PreviewArticle>();
        services.AddSingleton<CreateCategory>();
        services.AddSingleton<CreateArticleFromReply>();
        services.AddSingleton<ReorderCategories>();
        services.AddSingleton<ArticleFileStore>();
        services.AddSingleton<UploadArticleFile>();
        services.AddSingleton<GetArticleFile>();
    }

    private static void AddValidatedOptions<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
