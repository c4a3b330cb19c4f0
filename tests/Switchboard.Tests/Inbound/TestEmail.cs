using System.Text;

namespace Switchboard.Tests.Inbound;

/// <summary>Builds plain-text mail from a customer to support@acme.test, for tests that need many distinct conversations.</summary>
public static class TestEmail
{
    public static byte[] FromCustomer(string name, string email, string subject, string body) => Encoding.UTF8.GetBytes(
        $"""
        From: {name} <{email}>
        To: Acme Support <support@acme.test>
        Subject: {subject}
        Date: Mon, 2 Mar 2026 08:00:00 +0000
        Message-ID: <{Guid.NewGuid():N}@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset="UTF-8"

        {body}
        """.ReplaceLineEndings("\r\n"));
}
