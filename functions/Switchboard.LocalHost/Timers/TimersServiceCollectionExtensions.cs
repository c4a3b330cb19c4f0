namespace Switchboard.LocalHost.Timers;

public static class TimersServiceCollectionExtensions
{
    /// <summary>Runs every registered <c>ITimerJob</c> on its NCRONTAB schedule.</summary>
    public static IServiceCollection AddTimers(this IServiceCollection services) =>
        services.AddHostedService<TimerScheduler>();
}
