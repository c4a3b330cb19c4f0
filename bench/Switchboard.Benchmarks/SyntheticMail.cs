using System.Text;

namespace Switchboard.Benchmarks;

/// <summary>Plain-text emails to support@acme.test: one that starts a conversation, and the customer's reply to it.</summary>
internal static class SyntheticMail
{
    public static byte[] NewConversation(string run, int i, DateTimeOffset date) => Encode(
        $"""
        From: Customer {i} <customer{i}@example.com>
        To: support@acme.test
        Subject: Order {i} arrived damaged
        Date: {date:R}
        Message-ID: <{MessageId(run, i, "new")}>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Hello,

        order {i} arrived with a cracked lid. Can you send a replacement?

        Thanks,
        Customer {i}
        """);

    public static byte[] Reply(string run, int i, DateTimeOffset date) => Encode(
        $"""
        From: Customer {i} <customer{i}@example.com>
        To: support@acme.test
        Subject: Re: Order {i} arrived damaged
        Date: {date:R}
        Message-ID: <{MessageId(run, i, "reply")}>
        In-Reply-To: <{MessageId(run, i, "new")}>
        References: <{MessageId(run, i, "new")}>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Photos attached in my next mail; the box was fine.

        On an earlier day, Customer {i} wrote:
        > order {i} arrived with a cracked lid.
        """);

    private static string MessageId(string run, int i, string kind) => $"{kind}-{i}-{run}@example.com";

    private static byte[] Encode(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
}
