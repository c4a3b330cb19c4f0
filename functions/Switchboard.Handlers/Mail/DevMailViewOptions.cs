namespace Switchboard.Handlers.Mail;

/// <summary>
/// Section <c>LocalHost</c>, as far as the dev mail view is concerned. Only the local host sets
/// <c>LocalHost:DevMailView</c> (to true); the Functions app never does.
/// </summary>
public sealed class DevMailViewOptions
{
    public const string Section = "LocalHost";

    /// <summary>
    /// Lets a caller who is not signed in read the sink's mail, but only over a loopback connection to a loopback host
    /// name, with no proxy headers: someone at this machine, about to follow their first sign-in link.
    /// </summary>
    public bool DevMailView { get; set; }
}
