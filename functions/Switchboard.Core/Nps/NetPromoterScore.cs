namespace Switchboard.Core.Nps;

/// <summary>
/// Net Promoter Score of a period: the share of promoters (9-10) minus the share of detractors (0-6), in points from
/// -100 to 100; passives (7-8) count only in the total. Null when nobody answered (no score is not a score of 0).
/// </summary>
public sealed record NetPromoterScore(int Responses, int Promoters, int Passives, int Detractors)
{
    public const int MinScore = 0;
    public const int MaxScore = 10;

    public static bool IsScore(int score) => score is >= MinScore and <= MaxScore;

    public static NetPromoterScore Of(IEnumerable<int> scores)
    {
        var (promoters, passives, detractors) = (0, 0, 0);
        foreach (var score in scores)
        {
            if (!IsScore(score))
            {
                throw new ArgumentOutOfRangeException(nameof(scores), score, "An NPS answer is 0 to 10.");
            }
            _ = score >= 9 ? promoters++ : score >= 7 ? passives++ : detractors++;
        }
        return new(promoters + passives + detractors, promoters, passives, detractors);
    }

    /// <summary>Rounded to a whole point, as NPS is reported; null without responses.</summary>
    public int? Score => Responses == 0 ? null : (int)Math.Round(100.0 * (Promoters - Detractors) / Responses, MidpointRounding.AwayFromZero);
}
