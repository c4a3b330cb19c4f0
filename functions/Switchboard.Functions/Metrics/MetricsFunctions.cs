using Switchboard.Handlers.Metrics;

namespace Switchboard.Functions.Metrics;

/// <summary>Team metrics: figures for a period, as JSON for the dashboard and as CSV. Never per agent.</summary>
public sealed class MetricsFunctions(AgentApi api, GetMetrics getMetrics, ExportMetrics exportMetrics)
{
    [Function(nameof(GetMetrics))]
    [Api("Metrics", "The team's figures for a period (?from=&to=&mailbox=&granularity=day|week): first response, resolution, volume, satisfaction, KB, paging.", typeof(MetricsReport), Problems = [400, 401])]
    public Task<IResult> GetMetrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/metrics")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<MetricsInput>(request, Callers.AnyAgent, (_, input) => getMetrics.HandleAsync(input, cancellationToken), cancellationToken);

    [Function(nameof(ExportMetrics))]
    [Api("Metrics", "The same period as CSV, one line per day or week: opened, closed, backlog, replies, median first response.", typeof(string), ContentType = "text/csv", Problems = [400, 401])]
    public Task<IResult> ExportMetrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/metrics/export.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<MetricsInput>(request, Callers.AnyAgent, (_, input) => exportMetrics.HandleAsync(input, cancellationToken), cancellationToken);
}
