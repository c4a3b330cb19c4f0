using Switchboard.Core.Metrics;

namespace Switchboard.UnitTests.Metrics;

public sealed class DurationHistogramTests
{
    private static double ExactPercentile(IReadOnlyList<double> samples, double quantile)
    {
        var sorted = samples.Order().ToList();
        return sorted[(int)Math.Ceiling(quantile * sorted.Count) - 1];
    }

    private static DurationHistogram Of(IEnumerable<double> seconds)
    {
        var histogram = new DurationHistogram();
        foreach (var s in seconds)
        {
            histogram.Add(TimeSpan.FromSeconds(s));
        }
        return histogram;
    }

    [Fact]
    public void An_empty_histogram_has_no_median()
    {
        Assert.Null(new DurationHistogram().MedianSeconds);
        Assert.Null(DurationHistogram.Parse("").P90Seconds);
    }

    [Fact]
    public void A_single_sample_is_its_own_median_and_p90()
    {
        var histogram = Of([754]);
        Assert.Equal(754, histogram.MedianSeconds);
        Assert.Equal(754, histogram.P90Seconds);
    }

    [Fact]
    public void Median_and_p90_of_a_skewed_stream_are_within_the_stated_error()
    {
        // Mostly quick answers, a long tail of overnight ones: a shape where the mean would mislead.
        var random = new Random(16);
        var samples = Enumerable.Range(0, 5000)
            .Select(i => i % 10 < 7 ? 60 + random.NextDouble() * 1800 : 3600 + random.NextDouble() * 60 * 3600)
            .ToList();
        var histogram = Of(samples);
        foreach (var q in new[] { 0.5, 0.9 })
        {
            var exact = ExactPercentile(samples, q);
            var estimate = histogram.Percentile(q)!.Value;
            Assert.InRange(estimate, exact / (1 + DurationHistogram.RelativeError), exact * (1 + DurationHistogram.RelativeError));
        }
    }

    [Fact]
    public void Ten_quick_answers_and_one_slow_one_have_a_quick_median_and_a_slow_p90_only_past_ninety_percent()
    {
        var histogram = Of([.. Enumerable.Repeat(120.0, 9), 86_400]);
        Assert.InRange(histogram.MedianSeconds!.Value, 120 / 1.05, 120 * 1.05);
        Assert.InRange(histogram.P90Seconds!.Value, 120 / 1.05, 120 * 1.05);
        Assert.Equal(86_400, histogram.Percentile(1.0));
    }

    [Fact]
    public void Merging_two_days_equals_counting_the_week_at_once()
    {
        var monday = new[] { 30.0, 400, 7200, 90 };
        var tuesday = new[] { 5.0, 86_400, 600 };
        var week = Of(monday);
        week.Merge(Of(tuesday));
        var together = Of(monday.Concat(tuesday));
        Assert.Equal(together.ToString(), week.ToString());
        Assert.Equal(7, week.Count);
        Assert.Equal(together.P90Seconds, week.P90Seconds);
    }

    [Fact]
    public void Text_form_round_trips()
    {
        var histogram = Of([0.2, 1, 59, 3600, 3600, 1_000_000]);
        var copy = DurationHistogram.Parse(histogram.ToString());
        Assert.Equal(histogram.ToString(), copy.ToString());
        Assert.Equal(histogram.MedianSeconds, copy.MedianSeconds);
        Assert.Equal(6, copy.Count);
    }

    [Fact]
    public void Sub_second_samples_are_reported_within_a_second()
    {
        var histogram = Of([0.1, 0.3, 0.9]);
        Assert.InRange(histogram.MedianSeconds!.Value, 0, 1);
    }
}
