using System.Globalization;
using System.Text;

namespace Switchboard.Core.Metrics;

/// <summary>
/// Counts durations in fixed log-scale buckets, so a day's or a week's first-response times fit in one table property and
/// two periods merge by adding counts. Bucket 0 holds everything under a second; bucket <c>i ≥ 1</c> holds
/// [<c>1.1^(i-1)</c>, <c>1.1^i</c>) seconds. A percentile is the geometric middle of the bucket holding the sample of that
/// nearest rank, clamped to the smallest and largest sample seen: for samples of a second or more it is within
/// <see cref="RelativeError"/> (√1.1 − 1 ≈ 4.9 %) of the exact nearest-rank value; under a second it may be off by up to
/// a second. A year, the longest duration that matters here, is bucket 183.
/// </summary>
public sealed class DurationHistogram
{
    public const double Ratio = 1.1;
    public static readonly double RelativeError = Math.Sqrt(Ratio) - 1;
    private static readonly double LogRatio = Math.Log(Ratio);

    private readonly SortedDictionary<int, long> buckets = [];

    public long Count { get; private set; }
    public double MinSeconds { get; private set; } = double.PositiveInfinity;
    public double MaxSeconds { get; private set; } = double.NegativeInfinity;

    public void Add(TimeSpan duration) => Add(Math.Max(0, duration.TotalSeconds), 1);

    /// <summary>Adds every sample of <paramref name="other"/>, as if they had been added here.</summary>
    public void Merge(DurationHistogram other)
    {
        foreach (var (bucket, count) in other.buckets)
        {
            buckets[bucket] = buckets.GetValueOrDefault(bucket) + count;
        }
        Count += other.Count;
        MinSeconds = Math.Min(MinSeconds, other.MinSeconds);
        MaxSeconds = Math.Max(MaxSeconds, other.MaxSeconds);
    }

    public double? MedianSeconds => Percentile(0.5);

    public double? P90Seconds => Percentile(0.9);

    /// <summary>The nearest-rank <paramref name="quantile"/> (0 &lt; q ≤ 1) in seconds; null when empty.</summary>
    public double? Percentile(double quantile)
    {
        if (quantile is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "A quantile is above 0 and at most 1.");
        }
        if (Count == 0)
        {
            return null;
        }
        var rank = (long)Math.Ceiling(quantile * Count);
        long seen = 0;
        foreach (var (bucket, count) in buckets)
        {
            seen += count;
            if (seen >= rank)
            {
                return Math.Clamp(Middle(bucket), MinSeconds, MaxSeconds);
            }
        }
        return MaxSeconds;
    }

    /// <summary>Compact text for a table property: <c>min;max;bucket:count,bucket:count…</c>.</summary>
    public override string ToString()
    {
        if (Count == 0)
        {
            return "";
        }
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{MinSeconds:R};{MaxSeconds:R};");
        text.AppendJoin(',', buckets.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Key}:{b.Value}")));
        return text.ToString();
    }

    /// <summary>Reads <see cref="ToString"/>'s form; empty or null is an empty histogram.</summary>
    public static DurationHistogram Parse(string? text)
    {
        var histogram = new DurationHistogram();
        if (string.IsNullOrEmpty(text))
        {
            return histogram;
        }
        var parts = text.Split(';');
        if (parts.Length != 3)
        {
            throw new FormatException($"'{text}' is not a duration histogram.");
        }
        histogram.MinSeconds = double.Parse(parts[0], CultureInfo.InvariantCulture);
        histogram.MaxSeconds = double.Parse(parts[1], CultureInfo.InvariantCulture);
        foreach (var pair in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (bucket, count) = (pair[..pair.IndexOf(':')], pair[(pair.IndexOf(':') + 1)..]);
            var n = long.Parse(count, CultureInfo.InvariantCulture);
            histogram.buckets[int.Parse(bucket, CultureInfo.InvariantCulture)] = n;
            histogram.Count += n;
        }
        return histogram;
    }

    private void Add(double seconds, long count)
    {
        var bucket = BucketOf(seconds);
        buckets[bucket] = buckets.GetValueOrDefault(bucket) + count;
        Count += count;
        MinSeconds = Math.Min(MinSeconds, seconds);
        MaxSeconds = Math.Max(MaxSeconds, seconds);
    }

    private static int BucketOf(double seconds) => seconds < 1 ? 0 : (int)Math.Floor(Math.Log(seconds) / LogRatio) + 1;

    private static double Middle(int bucket) => bucket == 0 ? 0.5 : Math.Pow(Ratio, bucket - 0.5);
}
