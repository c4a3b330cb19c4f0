using Switchboard.Core.Metrics;

namespace Switchboard.UnitTests.Metrics;

public sealed class MetricTallyTests
{
    [Fact]
    public void Merged_tallies_add_up_and_unknown_names_count_zero()
    {
        var monday = new MetricTally();
        monday.Add(MetricCounts.Opened, 3);
        monday.Add(MetricCounts.Closed);
        var tuesday = new MetricTally();
        tuesday.Add(MetricCounts.Opened, 2);
        monday.Merge(tuesday);
        Assert.Equal(5, monday[MetricCounts.Opened]);
        Assert.Equal(1, monday[MetricCounts.Closed]);
        Assert.Equal(0, monday[MetricCounts.Pages]);
    }
}
