using Switchboard.Storage.Phone;

namespace Switchboard.Handlers.Phone;

/// <summary>Records texts and calls in the <c>PhoneSink</c> table instead of sending them (the dev phone view shows them).</summary>
public sealed class PhoneSinkGateway(PhoneSinkStore sink, IOptions<TwilioOptions> options, TimeProvider time) : IPhoneGateway
{
    /// <summary>Numbers ending in this fail, so the fall-through to the next rule can be tried locally (+1 555 0100 199).</summary>
    public const string FailingSuffix = "0199";

    public Task<PhoneSendResult> SendSmsAsync(string to, string body, CancellationToken cancellationToken = default) =>
        RecordAsync("sms", to, body, cancellationToken);

    public Task<PhoneSendResult> CallAsync(string to, string twiml, CancellationToken cancellationToken = default) =>
        RecordAsync("call", to, twiml, cancellationToken);

    private async Task<PhoneSendResult> RecordAsync(string kind, string to, string body, CancellationToken cancellationToken)
    {
        if (to.EndsWith(FailingSuffix, StringComparison.Ordinal))
        {
            return new PhoneSendResult(false, "the phone sink refuses numbers ending in " + FailingSuffix);
        }
        var id = await sink.AddAsync(new SinkPhoneEntity { Kind = kind, To = to, From = options.Value.FromNumber ?? "", Body = body }, time.GetUtcNow(), cancellationToken);
        return new PhoneSendResult(true, "sink-" + id);
    }
}
