using System.Text;
using Switchboard.Core.Inbound;

namespace Switchboard.UnitTests.Security;

/// <summary>Reading Authentication-Results (RFC 8601) and deciding, DMARC-style, whether a From domain is vouched for.</summary>
public sealed class SenderAuthenticationTests
{
    [Fact]
    public void Parses_methods_properties_comments_quotes_and_versions()
    {
        var parsed = AuthenticationResults.Parse(
            "MX.Acme.test 1; spf=pass (sender IP is 198.51.100.7) smtp.mailfrom=\"bob;x\"@example.com; " +
            "dkim/1 = pass (2048-bit key) header.d=Example.com header.s=sel1 header.b=AbCd; dmarc=pass (p=REJECT) header.from=example.com")!;

        Assert.Equal("mx.acme.test", parsed.AuthservId);
        Assert.Equal(["spf", "dkim", "dmarc"], parsed.Results.Select(r => r.Method));
        Assert.All(parsed.Results, r => Assert.Equal("pass", r.Result));
        Assert.Equal("\"bob;x\"@example.com", parsed.Results[0].Properties["smtp.mailfrom"]);
        Assert.Equal("Example.com", parsed.Results[1].Properties["header.d"]);
        Assert.Equal("example.com", parsed.Results[2].Properties["header.from"]);
    }

    [Fact]
    public void Arc_headers_skip_their_instance_tag_and_none_has_no_results()
    {
        var arc = AuthenticationResults.Parse("i=2; mx.acme.test; dkim=pass header.i=@acme.test", arc: true)!;
        var none = AuthenticationResults.Parse("mx.acme.test; none")!;

        Assert.Equal("mx.acme.test", arc.AuthservId);
        Assert.Equal("acme.test", Assert.Single(arc.Results).Properties["header.i"].TrimStart('@'));
        Assert.Empty(none.Results);
    }

    [Theory]
    [InlineData("mx; dkim=pass header.d=acme.test", true)]
    [InlineData("mx; dkim=pass header.d=mail.acme.test", true)]
    [InlineData("mx; dkim=pass header.i=@acme.test", true)]
    [InlineData("mx; spf=pass smtp.mailfrom=bounces@acme.test", true)]
    [InlineData("mx; dmarc=pass header.from=acme.test", true)]
    [InlineData("mx; dkim=pass header.d=evil.example", false)]
    [InlineData("mx; dkim=pass header.d=notacme.test", false)]
    [InlineData("mx; dkim=fail header.d=acme.test; spf=softfail smtp.mailfrom=acme.test", false)]
    [InlineData("mx; dmarc=pass header.from=evil.example", false)]
    [InlineData("mx; spf=pass smtp.mailfrom=bounce@sendgrid.net", false)]
    [InlineData("mx; dkim=pass header.d=test", false)]
    public void A_check_must_pass_for_a_domain_aligned_with_the_from_domain(string header, bool verified) =>
        Assert.Equal(verified, SenderAuthentication.Evaluate("alice@acme.test", [AuthenticationResults.Parse(header)!]).Verified);

    [Fact]
    public void A_parent_domain_that_passes_vouches_for_a_subdomain_sender()
    {
        var results = AuthenticationResults.Parse("mx; dkim=pass header.d=acme.test")!;

        Assert.True(SenderAuthentication.Evaluate("alice@eu.acme.test", [results]).Verified);
    }

    [Fact]
    public void Only_the_topmost_header_of_a_trusted_server_counts()
    {
        var raw = Encoding.ASCII.GetBytes(
            "Authentication-Results: other.example; dkim=pass header.d=acme.test\r\n" +
            "Authentication-Results: mx.acme.test; dkim=fail header.d=acme.test\r\n" +
            "Authentication-Results: mx.acme.test; dkim=pass header.d=acme.test\r\n" +
            "From: alice@acme.test\r\nSubject: x\r\n\r\nbody\r\n");

        var trusted = SenderAuthentication.TrustedHeader(raw, ["mx.acme.test"])!;

        Assert.Equal("fail", Assert.Single(trusted.Results).Result);
        Assert.Null(SenderAuthentication.TrustedHeader(raw, []));
    }

    [Theory]
    [InlineData("pass", "{@acme.test : pass}", "bounce@em.acme.test", "sendgrid-inbound-parse; spf=pass smtp.mailfrom=\"bounce@em.acme.test\"; dkim=pass header.d=acme.test")]
    [InlineData("none", "{@a.example : pass, @b.example : fail}", null, "sendgrid-inbound-parse; spf=none; dkim=pass header.d=a.example; dkim=fail header.d=b.example")]
    [InlineData(null, "none", null, null)]
    public void SendGrid_fields_are_recorded_as_authentication_results(string? spf, string? dkim, string? envelopeFrom, string? expected) =>
        Assert.Equal(expected, SenderAuthentication.FromSendGridFields(spf, dkim, envelopeFrom));
}
