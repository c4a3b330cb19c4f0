using System.Diagnostics;

namespace Switchboard.Tests.Infrastructure;

/// <summary>Polls for an outcome of background work, up to a bound, instead of sleeping for a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <returns>True as soon as <paramref name="condition"/> holds; false if it still does not after the timeout.</returns>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }
            if (clock.Elapsed > (timeout ?? DefaultTimeout))
            {
                return false;
            }
            await Task.Delay(50);
        }
    }

    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout);
}
