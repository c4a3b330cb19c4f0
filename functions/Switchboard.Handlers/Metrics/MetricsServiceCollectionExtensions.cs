using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Ratings;
using Switchboard.Storage.Metrics;

namespace Switchboard.Handlers.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>Team metrics: facts and roll-ups, the recorder the event dispatcher calls, the query and its endpoints; satisfaction ratings.</summary>
    public static IServiceCollection AddTeamMetrics(this IServiceCollection services)
    {
        services.AddSingleton<MetricFactStore>();
        services.AddSingleton<MetricRollupStore>();
        services.AddSingleton<MetricRollups>();
        services.AddSingleton<MetricsRecorder>();
        services.AddSingleton<MetricsQuery>();
        services.AddSingleton<GetMetrics>();
        services.AddSingleton<ExportMetrics>();
        services.AddOptions<RatingsOptions>().BindConfiguration(RatingsOptions.Section);
        services.AddSingleton<RatingStore>();
        services.AddSingleton<RatingLinks>();
        services.AddSingleton<RateReply>();
        services.AddSingleton<CommentOnRating>();
        return services;
    }
}
