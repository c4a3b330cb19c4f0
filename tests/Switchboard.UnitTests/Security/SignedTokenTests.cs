using Switchboard.Handlers.Security;

namespace Switchboard.UnitTests.Security;

public sealed class SignedTokenTests
{
    private static readonly byte[] Key = new byte[32];

    [Fact]
    public void A_signed_payload_verifies_to_itself()
    {
        var tokens = new SignedToken(Key, "nps");
        Assert.Equal("s0123abcd_9", tokens.Verify(tokens.Sign("s0123abcd_9")));
    }

    [Fact]
    public void A_tampered_payload_or_signature_does_not_verify()
    {
        var tokens = new SignedToken(Key, "nps");
        var token = tokens.Sign("survey-1");
        var other = tokens.Sign("survey-2");

        Assert.Null(tokens.Verify(other[..other.IndexOf('.')] + token[token.IndexOf('.')..]));
        Assert.Null(tokens.Verify(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(tokens.Verify(token + "A"));
        Assert.Null(tokens.Verify("no-signature"));
        Assert.Null(tokens.Verify("survey-1.!!!"));
        Assert.Null(tokens.Verify(null));
    }

    [Fact]
    public void A_token_for_one_purpose_is_refused_by_another() =>
        Assert.Null(new SignedToken(Key, "reply rating").Verify(new SignedToken(Key, "nps").Sign("survey-1")));

    [Fact]
    public void A_payload_that_is_not_url_safe_is_refused() =>
        Assert.Throws<ArgumentException>(() => new SignedToken(Key, "nps").Sign("dana@example.com|c1"));
}
