using Switchboard.LocalHost.Queues;

namespace Switchboard.Tests.Queues;

public sealed class PollingBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(1);

    [Fact]
    public void Waits_double_from_the_minimum_up_to_the_cap_within_the_jitter()
    {
        var backoff = new PollingBackoff(Min, Max, new Random(7));

        var waits = Enumerable.Range(0, 8).Select(_ => backoff.Next()).ToList();

        TimeSpan[] nominal = [Min, Min * 2, Min * 4, Min * 8, Max, Max, Max, Max];
        for (var i = 0; i < waits.Count; i++)
        {
            Assert.InRange(waits[i], Max < nominal[i] * 0.8 ? Max : nominal[i] * 0.8, nominal[i] * 1.2 > Max ? Max : nominal[i] * 1.2);
        }
    }

    [Fact]
    public void Finding_a_message_resets_the_wait_to_the_minimum()
    {
        var backoff = new PollingBackoff(Min, Max, new Random(7));
        for (var i = 0; i < 10; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.InRange(backoff.Next(), Min, Min * 1.2);
    }
}
