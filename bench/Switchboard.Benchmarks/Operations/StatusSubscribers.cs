using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Status;
using Switchboard.Storage.Status;

namespace Switchboard.Benchmarks.Operations;

/// <summary>
/// The "status update with 1,000 subscribers" row: confirmed whole-page email subscribers written straight to their
/// store, as a confirmed opt-in leaves them (the opt-in mail is not what is measured).
/// </summary>
internal static class StatusSubscribers
{
    public static async Task SeedAsync(BenchHost host, int count)
    {
        var confirmedAt = DateTimeOffset.UtcNow;
        var subscribers = Enumerable.Range(1, count).Select(i =>
        {
            var email = $"subscriber{i}@example.com";
            return new StatusSubscriber(StatusSubscriber.IdOf(SubscriberKind.Email, email), SubscriberKind.Email, email, [], true,
                confirmedAt, confirmedAt, null);
        });
        await host.App.Services.GetRequiredService<SubscriberStore>().AddManyAsync(subscribers);
    }
}
