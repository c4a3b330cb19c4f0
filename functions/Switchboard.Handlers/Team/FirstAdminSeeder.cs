using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Account;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Team;

/// <summary>
/// Once storage is provisioned, adds <c>Auth:FirstAdminEmail</c> as an active admin when no agent has that address.
/// An existing agent is left as it is (an admin may have changed them on purpose).
/// </summary>
public sealed class FirstAdminSeeder(
    StorageProvisioner provisioner, AgentStore agents, IOptions<AuthOptions> options, TimeProvider time, ILogger<FirstAdminSeeder> logger) : BackgroundService
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first admin exists (or none is configured).</summary>
    public Task Ready => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.FirstAdminEmail is not { Length: > 0 } email)
        {
            ready.TrySetResult();
            return;
        }
        await provisioner.Ready.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await agents.FindByEmailAsync(email, stoppingToken) is null)
                {
                    var added = await agents.TryAddAsync(new AgentEntity
                    {
                        Id = InviteAgent.NewId(),
                        Email = AgentStore.Normalize(email),
                        DisplayName = email[..email.IndexOf('@')],
                        Role = AgentRoles.Admin,
                        Status = AgentStatuses.Active,
                        CreatedAt = time.GetUtcNow(),
                        ActivatedAt = time.GetUtcNow(),
                    }, stoppingToken);
                    if (added)
                    {
                        logger.LogInformation("Added {Email} as the first admin (Auth:FirstAdminEmail).", email);
                    }
                }
                ready.TrySetResult();
                return;
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException or IOException or AggregateException)
            {
                logger.LogWarning("Could not add the first admin yet ({Message}); retrying.", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
        }
    }
}
