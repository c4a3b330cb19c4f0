using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Status.Site;
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
        services.AddSingleton<CreateIncident>();
        services.AddSingleton<AddIncidentUpdate>();
        services.AddSingleton<ListIncidents>();
        services.AddSingleton<GetIncident>();
        services.AddSingleton<WritePostmortem>();
        services.AddSingleton<ScheduleMaintenance>();
        services.AddSingleton<ListMaintenances>();
        services.AddSingleton<CreateIncidentTemplate>();
        services.AddSingleton<ListIncidentTemplates>();
        return services;
    }
}
