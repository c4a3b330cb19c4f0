using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Proof;

/// <summary>
/// Real client mail, damaged the ways mail is damaged in the wild (and by attackers), posted to the MIME webhook. With a
/// fixed seed, so a failure can be replayed: the host never answers 5xx, the queue handler never throws (a throw would
/// retry and then poison the message), and every message the webhook accepted is in a conversation, raw bytes intact.
/// The quick run posts <see cref="QuickCount"/> messages; set SWITCHBOARD_FUZZ_COUNT for a longer one.
/// </summary>
public sealed partial class MimeFuzzTests
{
    private const int Seed = 20261206;
    private const int QuickCount = 72;
    private static readonly string[] Sources = ["Clients", "Languages", "Charsets"];

    [Fact]
    public async Task Damaged_mail_never_crashes_the_host_and_every_accepted_message_is_visible()
    {
        var count = ProofScale.Get("SWITCHBOARD_FUZZ_COUNT", QuickCount);
        var fixtures = Sources.SelectMany(s => Directory.GetFiles(InboundDriver.Fixture(s), "*.eml")).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(Seed);
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        var accepted = new Dictionary<string, string>();
        var refused = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var fixture = fixtures[random.Next(fixtures.Length)];
            var mutation = Mutations[i % Mutations.Length];
            var raw = mutation.Apply(WithOwnMessageId(File.ReadAllBytes(fixture), i), random);
            var what = $"#{i} {mutation.Name} of {Path.GetFileName(fixture)} ({raw.Length} bytes)";

            var response = await mail.PostMimeAsync(raw);

            Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode == HttpStatusCode.Accepted) accepted.TryAdd(Hash(raw), what);
            else refused.Add($"{what}: {(int)response.StatusCode}");
        }
        // Every damage here still leaves a message someone sent: none may be refused at the door.
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused));

        await mail.ProcessQueuedAsync();

        var visible = new HashSet<string>();
        foreach (var status in new[] { "open", "pending", "snoozed", "closed" })
        {
            foreach (var conversation in await mail.AllConversationsAsync(status))
            {
                foreach (var message in conversation.Messages())
                {
                    visible.Add(Hash(await host.Client.GetByteArrayAsync(message.Str("rawUrl"))));
                }
            }
        }
        var missing = accepted.Where(a => !visible.Contains(a.Key)).Select(a => a.Value).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {accepted.Count} accepted messages are not in any conversation:{Environment.NewLine}"
            + string.Join(Environment.NewLine, missing));
    }

    private sealed record Mutation(string Name, Func<byte[], Random, byte[]> Apply);

    private static readonly Mutation[] Mutations =
    [
        new("truncation", (raw, r) => raw[..Math.Max(40, r.Next(raw.Length))]),
        new("boundary damage", DamageBoundaries),
        new("header folding", FoldHeaders),
        new("huge header", (raw, r) => Insert(raw, HeaderEnd(raw), Latin1($"X-Fuzz-Padding: {new string('a', 200_000 + r.Next(50_000))}\r\n"))),
        new("NUL bytes", (raw, r) => Scatter(raw, r, 8, _ => 0)),
        new("invalid base64", (raw, _) => Latin1(BlankLine().Replace(ReplaceEncoding(Text(raw), "base64"), "$0!!*not base64*!!\u00ff=="))),
        new("invalid quoted-printable", (raw, _) => Latin1(ReplaceEncoding(Text(raw), "quoted-printable").Replace(" ", " =Z9=\r\n=", StringComparison.Ordinal))),
        new("unknown charset", (raw, _) => Latin1(CharsetParameter().Replace(Text(raw), "charset=\"x-fuzz-unknown-8\""))),
        new("50-deep nesting", (raw, r) => Nest(raw, 50)),
        new("random bytes", (raw, r) => Scatter(raw, r, 40, rr => (byte)rr.Next(256))),
    ];

    /// <summary>Gives each message a Message-ID of its own, so that none is taken for another's redelivery.</summary>
    private static byte[] WithOwnMessageId(byte[] raw, int index)
    {
        var text = MessageIdHeader().Replace(Text(raw), "X-Original-Message-ID:");
        return Latin1($"Message-ID: <fuzz-{index}-{Seed}@fuzz.test>\r\n{text}");
    }

    private static byte[] DamageBoundaries(byte[] raw, Random random)
    {
        var text = Text(raw);
        var boundary = BoundaryParameter().Match(text);
        if (!boundary.Success) return Nest(raw, 2);
        var value = boundary.Groups[1].Value;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("--" + value, StringComparison.Ordinal) && random.Next(2) == 0)
            {
                lines[i] = random.Next(3) switch { 0 => "--" + value[..(value.Length / 2)], 1 => "", _ => lines[i] + "--" };
            }
        }
        return Latin1(string.Join('\n', lines));
    }

    private static byte[] FoldHeaders(byte[] raw, Random random)
    {
        var end = HeaderEnd(raw);
        var text = Text(raw[..end]);
        var folded = new StringBuilder();
        foreach (var c in text)
        {
            folded.Append(c);
            if (c == ' ' && random.Next(4) == 0) folded.Append(random.Next(2) == 0 ? "\r\n\t" : "\r\n \r\n ");
        }
        return [.. Latin1(folded.ToString()), .. raw[end..]];
    }

    private static byte[] Nest(byte[] raw, int depth)
    {
        var inner = Text(raw);
        for (var level = 0; level < depth; level++)
        {
            var boundary = $"fuzz-level-{level}";
            inner = $"Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n--{boundary}\r\n{inner}\r\n--{boundary}--\r\n";
        }
        return Latin1("From: Nested <nested@example.com>\r\nTo: support@acme.test\r\nSubject: Nested\r\nMIME-Version: 1.0\r\n" + inner);
    }

    private static byte[] Scatter(byte[] raw, Random random, int times, Func<Random, byte> value)
    {
        var copy = (byte[])raw.Clone();
        for (var i = 0; i < times; i++) copy[random.Next(copy.Length)] = value(random);
        return copy;
    }

    private static string ReplaceEncoding(string text, string encoding) =>
        TransferEncoding().Replace(text, $"Content-Transfer-Encoding: {encoding}") is var replaced && replaced != text
            ? replaced
            : text.Replace("MIME-Version: 1.0", $"MIME-Version: 1.0\r\nContent-Transfer-Encoding: {encoding}", StringComparison.OrdinalIgnoreCase);

    private static int HeaderEnd(byte[] raw)
    {
        var text = Text(raw);
        var end = text.IndexOf("\n\n", StringComparison.Ordinal) is var lf and >= 0 ? lf + 1 : -1;
        var crlf = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var c and >= 0 ? c + 2 : -1;
        return new[] { end, crlf }.Where(e => e >= 0).DefaultIfEmpty(text.Length).Min();
    }

    private static byte[] Insert(byte[] raw, int at, byte[] what) => [.. raw[..at], .. what, .. raw[at..]];

    // Latin-1 maps every byte to one char and back, so text edits never change bytes they do not touch.
    private static string Text(byte[] raw) => Encoding.Latin1.GetString(raw);
    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
    private static string Hash(byte[] raw) => Convert.ToHexStringLower(SHA256.HashData(raw));

    [GeneratedRegex(@"^Message-ID:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageIdHeader();

    [GeneratedRegex("boundary=\"?([^\";\r\n]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryParameter();

    [GeneratedRegex("charset=\"?[^\";\r\n ]+\"?", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex(@"\r?\n\r?\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"Content-Transfer-Encoding:[^\r\n]*", RegexOptions.IgnoreCase)]
    private static partial Regex TransferEncoding();
}
