using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Storage.Escalation;

/// <summary>
/// Table <c>Pages</c>, partition <c>shift-{scheduleId}</c>: one insert-only claim per shift start
/// (RowKey = the shift's start in UTC ticks + "-" + a hash of the agent), so that overlapping or repeated runs of the
/// shift-start job tell each person once.
/// </summary>
public sealed class ShiftNoticeStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.PagesTable);

    public static string Partition(string scheduleId) => "shift-" + scheduleId;

    public static string RowKey(DateTimeOffset shiftStart, string agentId) =>
        $"{shiftStart.UtcTicks:D19}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(agentId)))[..20]}";

    /// <summary>
    /// True for the one caller that may queue the wake-up for the shift start at <paramref name="at"/> (partition
    /// <c>shift-alarm</c>, RowKey its UTC ticks), so that however many runs and schedule edits arm it, one message waits.
    /// </summary>
    public async Task<bool> TryClaimAlarmAsync(DateTimeOffset at, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity("shift-alarm", $"{at.UtcTicks:D19}") { ["ClaimedAt"] = now }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>True for the one caller that may send the notice; false when another run has claimed it.</summary>
    public async Task<bool> TryClaimAsync(string scheduleId, string agentId, DateTimeOffset shiftStart, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var claim = new TableEntity(Partition(scheduleId), RowKey(shiftStart, agentId)) { ["AgentId"] = agentId, ["ShiftStart"] = shiftStart, ["ClaimedAt"] = now };
        try
        {
            await Table.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
