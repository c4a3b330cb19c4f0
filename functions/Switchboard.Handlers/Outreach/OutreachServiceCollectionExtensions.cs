using Microsoft.Extensions.DependencyInjection;
using Switchboard.Storage.Outreach;

namespace Switchboard.Handlers.Outreach;

public static class OutreachServiceCollectionExtensions
{
    /// <summary>Error alerts from the product (<c>POST /api/alerts</c>), their outreach drafts and the team's template.</summary>
    public static IServiceCollection AddOutreach(this IServiceCollection services)
    {
        services.AddOptions<OutreachOptions>().BindConfiguration(OutreachOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutreachStore>();
        services.AddSingleton<OutreachTemplates>();
        services.AddSingleton<OutreachGroups>();
        services.AddSingleton<ReceiveAlert>();
        return services;
    }
}
