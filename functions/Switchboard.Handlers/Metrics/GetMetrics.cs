using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Handlers.Metrics;

/// <summary>
/// <c>?from=&amp;to=&amp;mailbox=&amp;granularity=</c>: yyyy-MM-dd days (UTC, inclusive; to defaults to today, from to 29 days
/// before to), at most 366 days; a mailbox address or all; day (default) or week.
/// </summary>
public sealed record MetricsInput(MetricsRequest Request) : IRequestInput<MetricsInput>
{
    public const int LongestRangeDays = 366;

    public static ValueTask<(MetricsInput? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(request.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        return ValueTask.FromResult(Bind(request.Query, today));
    }

    internal static (MetricsInput? Input, IResult? Invalid) Bind(IQueryCollection query, DateOnly today)
    {
        if (!TryDay(query["to"].FirstOrDefault(), today, out var to))
        {
            return (null, Problems.BadRequest("to must be a date, yyyy-MM-dd.", "to"));
        }
        if (!TryDay(query["from"].FirstOrDefault(), to.AddDays(-29), out var from))
        {
            return (null, Problems.BadRequest("from must be a date, yyyy-MM-dd.", "from"));
        }
        if (from > to || to.DayNumber - from.DayNumber >= LongestRangeDays)
        {
            return (null, Problems.BadRequest($"from must not be after to, and the range at most {LongestRangeDays} days.", "from"));
        }
        var granularity = query["granularity"].FirstOrDefault() ?? "day";
        if (granularity is not ("day" or "week"))
        {
            return (null, Problems.BadRequest("granularity must be day or week.", "granularity"));
        }
        var mailbox = query["mailbox"].FirstOrDefault() is { Length: > 0 } named && named != "all" ? named.Trim() : null;
        if (mailbox is { Length: > 254 } || mailbox?.Contains('@') == false)
        {
            return (null, Problems.BadRequest("mailbox must be a mailbox address, or all.", "mailbox"));
        }
        return (new MetricsInput(new MetricsRequest(from, to, mailbox, granularity == "week" ? MetricsGranularity.Week : MetricsGranularity.Day)), null);
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        day = fallback;
        return text is null || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}

/// <summary><c>GET /api/metrics</c>: the team's figures for a period.</summary>
public sealed class GetMetrics(MetricsQuery query)
{
    public async Task<IResult> HandleAsync(MetricsInput input, CancellationToken cancellationToken = default) =>
        Results.Ok(await query.RunAsync(input.Request, cancellationToken));
}

/// <summary>
/// <c>GET /api/metrics/export.csv</c>: the same period as CSV, one line per day or week (opened, closed, backlog, replies,
/// median first response), for a spreadsheet.
/// </summary>
public sealed class ExportMetrics(MetricsQuery query)
{
    public const string Header = "period,opened,closed,backlog,replies,first_response_median_seconds";

    public async Task<IResult> HandleAsync(MetricsInput input, CancellationToken cancellationToken = default)
    {
        var report = await query.RunAsync(input.Request, cancellationToken);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var point in report.Volume)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{point.Period},{point.Opened},{point.Closed},{point.Backlog},{point.Replies},{point.FirstResponseMedianSeconds}\r\n");
        }
        var name = $"metrics-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv";
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }
}
