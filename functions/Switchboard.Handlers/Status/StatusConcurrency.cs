using Azure;
using Azure.Data.Tables;

namespace Switchboard.Handlers.Status;

internal static class StatusConcurrency
{
    /// <summary>Runs a guarded write; false when its ETag no longer matched (someone else changed the row).</summary>
    public static async Task<bool> TryAsync(Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 412)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }
}
