namespace Switchboard.Core.Outreach;

/// <summary>
/// Storm limits count in fixed windows: every moment belongs to the window starting at the last multiple of
/// <c>window</c> since the Unix epoch, so all hosts agree on which counter an alert takes without coordinating.
/// </summary>
public static class OutreachLimits
{
    public static DateTimeOffset WindowStart(DateTimeOffset at, TimeSpan window)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - ticks % window.Ticks);
    }
}
