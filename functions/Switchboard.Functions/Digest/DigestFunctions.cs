using Switchboard.Handlers.Digest;

namespace Switchboard.Functions.Digest;

/// <summary>The weekly digest: one timer run a week sends it; agents can preview it any time.</summary>
public sealed class DigestFunctions(AgentApi api, SendWeeklyDigest sendWeeklyDigest, GetDigestPreview getDigestPreview)
{
    [Function(nameof(SendWeeklyDigest))]
    public Task SendWeeklyDigest([TimerTrigger(TimerSchedules.Weekly)] TimerInfo timer, CancellationToken cancellationToken) =>
        sendWeeklyDigest.RunAsync(cancellationToken);

    [Function(nameof(GetDigestPreview))]
    [Api("Digest", "The weekly digest the next run would send (the last complete ISO week): numbers against the week before, comments, feature requests, KB.", typeof(WeeklyDigest), Problems = [401])]
    public Task<IResult> GetDigestPreview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/preview")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getDigestPreview.HandleAsync(cancellationToken), cancellationToken);
}
