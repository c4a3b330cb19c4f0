using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Handlers.Digest;

public static class DigestServiceCollectionExtensions
{
    /// <summary>The weekly digest: its settings, the builder, the weekly send and the preview endpoint.</summary>
    public static IServiceCollection AddWeeklyDigest(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BuildWeeklyDigest>();
        services.AddSingleton<SendWeeklyDigest>();
        services.AddSingleton<GetDigestPreview>();
        return services;
    }
}
