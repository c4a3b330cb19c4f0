using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Security;
using Switchboard.Handlers.Status.Checks;
using Switchboard.Handlers.Status.Site;
using Switchboard.Handlers.Status.Subscribers;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status;

public static class StatusServiceCollectionExtensions
{
    /// <summary>The status page: its store, its publishing and its handlers.</summary>
    public static IServiceCollection AddStatusPage(this IServiceCollection services)
    {
        services.AddOptions<StatusPageOptions>().BindConfiguration(StatusPageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StatusStore>();
        services.AddSingleton<StatusPageModel>();
        services.AddSingleton<StatusPageChanges>();
        services.AddSingleton<CreateStatusComponent>();
        services.AddSingleton<ListStatusComponents>();
        services.AddSingleton<UpdateStatusComponent>();
        services.AddSingleton<DeleteStatusComponent>();
        services.AddSingleton<CreateIncident>();
        services.AddSingleton<AddIncidentUpdate>();
        services.AddSingleton<ListIncidents>();
        services.AddSingleton<GetIncident>();
        services.AddSingleton<WritePostmortem>();
        services.AddSingleton<ScheduleMaintenance>();
        services.AddSingleton<ListMaintenances>();
        services.AddSingleton<CancelMaintenance>();
        services.AddSingleton<MaintenanceAlarm>();
        services.AddSingleton<AdvanceMaintenance>();
        services.AddSingleton<SweepMaintenances>();
        services.AddOptions<UptimeCheckOptions>().BindConfiguration(UptimeCheckOptions.Section);
        services.AddHttpClient(UptimeProbe.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => PublicEndpoints.CreateHandler(sp.GetRequiredService<IOptions<UptimeCheckOptions>>().Value.AllowLocalTargets));
        services.AddSingleton<UptimeCheckStore>();
        services.AddSingleton<UptimeProbe>();
        services.AddSingleton<UptimeCheckOutcomes>();
        services.AddSingleton<RunUptimeCheck>();
        services.AddSingleton<CreateUptimeCheck>();
        services.AddSingleton<ListUptimeChecks>();
        services.AddSingleton<SweepUptimeChecks>();
        services.AddHttpClient(WebhookPoster.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(sp => PublicEndpoints.CreateHandler(sp.GetRequiredService<IOptions<UptimeCheckOptions>>().Value.AllowLocalTargets));
        services.AddSingleton<SubscriberStore>();
        services.AddSingleton<SubscriberLinks>();
        services.AddSingleton<SubscriberMessages>();
        services.AddSingleton<StatusNotifier>();
        services.AddSingleton<StatusNoticeReader>();
        services.AddSingleton<WebhookPoster>();
        services.AddSingleton<DeliverStatusNotifications>();
        services.AddSingleton<Subscribe>();
        services.AddSingleton<SubscriptionPages>();
        services.AddSingleton<ListSubscribers>();
        services.AddSingleton<RemoveSubscriber>();
        services.AddSingleton<CreateIncidentTemplate>();
        services.AddSingleton<ListIncidentTemplates>();
        services.AddSingleton<UpdateIncidentTemplate>();
        services.AddSingleton<DeleteIncidentTemplate>();
        return services;
    }
}
