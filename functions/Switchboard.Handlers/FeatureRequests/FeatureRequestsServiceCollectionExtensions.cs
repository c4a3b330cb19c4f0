using Microsoft.Extensions.DependencyInjection;
using Switchboard.Storage.FeatureRequests;

namespace Switchboard.Handlers.FeatureRequests;

public static class FeatureRequestsServiceCollectionExtensions
{
    public static IServiceCollection AddFeatureRequests(this IServiceCollection services) => services
        .AddSingleton<FeatureRequestStore>()
        .AddSingleton<TagFeatureRequest>()
        .AddSingleton<UntagFeatureRequest>()
        .AddSingleton<ListConversationFeatureRequests>()
        .AddSingleton<ListFeatureRequests>()
        .AddSingleton<ShipFeature>();
}
