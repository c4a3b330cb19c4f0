using Switchboard.Handlers.Mail;

namespace Switchboard.Tests.Proof;

public enum CrashPoint { BeforeProviderCall, AfterProviderAccepted }

/// <summary>Stands for the host dying where no code runs on: nothing after it happens.</summary>
public sealed class SimulatedCrash() : Exception("The host died here (simulated).");

/// <summary>
/// Sends through the real sender (the mail sink), but once armed stops the next matching send, before the provider
/// is called or after it took the mail.
/// </summary>
public sealed class CrashingMailSender(Func<OutgoingEmail, bool> matches)
{
    private CrashPoint? armed;

    public CrashPoint? Armed
    {
        get { lock (this) return armed; }
        set { lock (this) armed = value; }
    }

    public IMailSender Around(IMailSender inner) => new Sender(this, inner);

    private bool Fires(OutgoingEmail email, CrashPoint point)
    {
        lock (this)
        {
            if (armed != point || !matches(email))
            {
                return false;
            }
            armed = null;
            return true;
        }
    }

    private sealed class Sender(CrashingMailSender owner, IMailSender inner) : IMailSender
    {
        public async Task<MailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
        {
            if (owner.Fires(email, CrashPoint.BeforeProviderCall))
            {
                throw new SimulatedCrash();
            }
            var result = await inner.SendAsync(email, cancellationToken);
            if (owner.Fires(email, CrashPoint.AfterProviderAccepted))
            {
                throw new SimulatedCrash();
            }
            return result;
        }
    }
}
