using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Status;
using Switchboard.Handlers.Status;
using Switchboard.Storage.Status;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Status;

/// <summary>Status handlers called directly with typed bodies, no HttpRequest.</summary>
public sealed class StatusHandlerTests
{
    [Fact]
    public async Task A_postmortem_is_refused_until_the_incident_is_resolved_then_stored()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var services = host.Services;

        var opened = Assert.IsType<Created<IncidentView>>(await services.GetRequiredService<CreateIncident>().HandleAsync(
            new NewIncident("Slow inbox", IncidentImpact.Minor, IncidentStatus.Investigating, "Looking into it.", null, Notify: false)));
        var id = opened.Value!.Id;
        var early = await services.GetRequiredService<WritePostmortem>().HandleAsync(id, new PostmortemBody("Too early"));
        await services.GetRequiredService<AddIncidentUpdate>().HandleAsync(id,
            new NewIncidentUpdate(IncidentStatus.Resolved, "Fixed.", null, Notify: false));
        var written = await services.GetRequiredService<WritePostmortem>().HandleAsync(id, new PostmortemBody(" A queue backed up. "));

        Assert.Equal(StatusCodes.Status409Conflict, Assert.IsAssignableFrom<IStatusCodeHttpResult>(early).StatusCode);
        Assert.Equal("A queue backed up.", Assert.IsType<Ok<IncidentView>>(written).Value!.Postmortem);
        var stored = await services.GetRequiredService<StatusStore>().GetIncidentAsync(id);
        Assert.Equal((IncidentStatus.Resolved, "A queue backed up."), (stored?.Incident.Status, stored?.Incident.Postmortem));
    }
}
