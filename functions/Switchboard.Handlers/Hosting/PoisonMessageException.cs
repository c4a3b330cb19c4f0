namespace Switchboard.Handlers.Hosting;

/// <summary>
/// A queue message that can never succeed (not JSON, or JSON without a field it needs): retrying it would only burn
/// the tries, so it goes to <c>{queue}-poison</c> at once, with <see cref="Exception.Message"/> saying why.
/// </summary>
public sealed class PoisonMessageException(string reason, Exception? inner = null) : Exception(reason, inner);
