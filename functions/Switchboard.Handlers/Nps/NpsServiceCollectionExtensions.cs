using Microsoft.Extensions.DependencyInjection;
using Switchboard.Storage.Digest;
using Switchboard.Storage.Nps;

namespace Switchboard.Handlers.Nps;

public static class NpsServiceCollectionExtensions
{
    /// <summary>NPS surveys: the per-mailbox setting, the delayed survey on close, the survey mail and its public answer pages.</summary>
    public static IServiceCollection AddNpsSurveys(this IServiceCollection services)
    {
        services.AddOptions<NpsOptions>().BindConfiguration(NpsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NpsSurveyStore>();
        services.AddSingleton<FeedbackCommentStore>();
        services.AddSingleton<NpsSurveyLinks>();
        services.AddSingleton<NpsSurveyScheduler>();
        services.AddSingleton<SendNpsSurvey>();
        services.AddSingleton<AnswerNpsSurvey>();
        services.AddSingleton<CommentOnNpsSurvey>();
        return services;
    }
}
