namespace Switchboard.Benchmarks.Operations;

/// <summary>
/// The hook for the "status update with 1,000 subscribers" row. Status page subscribers are being built on branch
/// <c>subs</c> and are not in this branch. Once they are: make <see cref="SeedAsync"/> add <paramref name="count"/>
/// confirmed email subscribers to every component (through their store, as a confirmed opt-in leaves them: the opt-in
/// mail is not what is measured) and return true. The operations mode then measures the update and its fan-out.
/// </summary>
internal static class StatusSubscribers
{
    public const string NotBuilt = "not measured: subscribers not built";

    public static Task<bool> SeedAsync(BenchHost host, int count) => Task.FromResult(false);
}
