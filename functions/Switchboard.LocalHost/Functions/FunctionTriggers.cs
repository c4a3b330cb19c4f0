using Switchboard.LocalHost.Queues;
using Switchboard.LocalHost.Timers;

namespace Switchboard.LocalHost.Functions;

public static class FunctionTriggers
{
    /// <summary>One <see cref="IQueueHandler"/> per queue function and one <see cref="ITimerJob"/> per timer function, for the pump and the scheduler.</summary>
    public static IServiceCollection AddFunctionTriggers(this IServiceCollection services, FunctionCatalog catalog)
    {
        foreach (var function in catalog.Queues)
        {
            services.AddSingleton<IQueueHandler>(sp => new FunctionQueueHandler(function, sp.GetRequiredService<IServiceScopeFactory>()));
        }
        foreach (var function in catalog.Timers)
        {
            services.AddSingleton<ITimerJob>(sp => new FunctionTimerJob(function, sp.GetRequiredService<IServiceScopeFactory>()));
        }
        return services;
    }
}
