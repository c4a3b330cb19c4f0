using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Handlers.Ratings;
using System.Text.Json;
using Switchboard.Core.Inbound;
using Switchboard.Core.Replies;
using Switchboard.Handlers.Mail;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Inbound;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// Builds the email of a stored outbound reply from its row and its conversation: From the agent's name on the
/// mailbox address, To the customer, Reply-To the conversation's secret reply address, our Message-ID, and the
/// threading headers every client needs (In-Reply-To, References, Thread-Topic, Thread-Index).
/// </summary>
public sealed class OutboundMailComposer(
    MessageContentStore content, RawMailStore rawMail, IOptions<RatingsOptions> ratings, RatingLinks ratingLinks, TimeProvider time)
{
    public const string ConversationArg = "conversation_id";
    public const string MessageArg = "message_id";

    public async Task<OutgoingEmail> ComposeAsync(
        ConversationEntity head, IReadOnlyList<MessageEntity> thread, MessageEntity reply, CancellationToken cancellationToken = default)
    {
        var body = reply.BodyBlobName is { } blob
            ? await content.ReadBodyAsync(blob, cancellationToken)
            : new StoredBody(reply.Text ?? "", reply.VisibleText ?? "", reply.Html);
        if (ratings.Value.IsOn(head.Mailbox))
        {
            body = body with { Text = body.Text + RatingText(head, reply), Html = body.Html is null ? null : body.Html + RatingHtml(head, reply) };
        }
        var earlier = thread
            .Where(m => m.Kind == MessageKinds.Email && m.RowKey != reply.RowKey && m.ReceivedAt <= reply.ReceivedAt && m.MessageId.Length > 0)
            .OrderBy(m => m.ReceivedAt).ThenBy(m => m.SentAt)
            .ToList();

        var headers = new Dictionary<string, string>
        {
            ["Thread-Topic"] = HeaderText(head.Subject),
            ["Thread-Index"] = Convert.ToBase64String(await ThreadIndexAsync(head, earlier, reply, cancellationToken)),
        };
        if (earlier.Count > 0)
        {
            headers["In-Reply-To"] = ReplyHeaders.Angle(earlier[^1].MessageId);
            headers["References"] = ReplyHeaders.References([.. CustomerChain(earlier), .. earlier.Select(m => m.MessageId)])!;
        }

        return new OutgoingEmail(
            Display(reply.FromEmail ?? head.Mailbox, reply.FromName),
            Addresses(reply.To),
            reply.Subject,
            body.Text,
            body.Html,
            headers)
        {
            Cc = Addresses(reply.Cc),
            ReplyTo = Mailboxes.ReplyAddress(head.Mailbox, head.ReplyToken),
            MessageId = reply.MessageId,
            Attachments = await AttachmentsAsync(reply, cancellationToken),
            CustomArgs = new Dictionary<string, string> { [ConversationArg] = head.PartitionKey, [MessageArg] = reply.RowKey },
        };
    }

    /// <summary>"How did we do?" with the three signed one-click links (<see cref="RatingLinks"/>), under the reply's own text.</summary>
    private string RatingText(ConversationEntity head, MessageEntity reply) =>
        "\n\n--\nHow did we do?\n" + string.Concat(Core.Metrics.Ratings.All.Select(r =>
            $"{RatingLabel(r)}: {ratingLinks.Url(head.PartitionKey, reply.RowKey, r)}\n"));

    private string RatingHtml(ConversationEntity head, MessageEntity reply) =>
        "<hr><p>How did we do? " + string.Join(" · ", Core.Metrics.Ratings.All.Select(r =>
            $"<a href=\"{System.Net.WebUtility.HtmlEncode(ratingLinks.Url(head.PartitionKey, reply.RowKey, r))}\">{RatingLabel(r)}</a>")) + "</p>";

    private static string RatingLabel(string rating) => rating switch
    {
        Core.Metrics.Ratings.Great => "Great",
        Core.Metrics.Ratings.Okay => "Okay",
        _ => "Not good",
    };

    /// <summary>
    /// The ancestors the customer's newest message named (its References, kept when it arrived), so our reply's
    /// References carry their whole thread even where it began outside this conversation.
    /// </summary>
    private static IEnumerable<string> CustomerChain(List<MessageEntity> earlier) =>
        earlier.LastOrDefault(m => m.Direction == "inbound")?.References?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>
    /// The customer's Thread-Index (from the newest of their messages that has one) plus a child block; else a thread
    /// of our own, its header fixed by the conversation (start time, a GUID from its id), so all our replies group.
    /// </summary>
    private async Task<byte[]> ThreadIndexAsync(ConversationEntity head, List<MessageEntity> earlier, MessageEntity reply, CancellationToken cancellationToken)
    {
        byte[]? parent = null;
        foreach (var message in earlier.Where(m => m.Direction == "inbound").Reverse().Take(3))
        {
            parent = message.ThreadIndex is { } stored
                ? ThreadIndex.Parse(stored)
                // Rows stored before the Thread-Index was kept on them: read it from the raw mail.
                : message.RawBlobName.Length > 0 ? RawThreadIndex.Read(await rawMail.ReadAsync(message.RawBlobName, cancellationToken)) : null;
            if (parent is not null)
            {
                break;
            }
        }
        parent ??= ThreadIndex.NewThread(head.CreatedAt, new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(head.PartitionKey)).AsSpan(0, 16)));
        var random = SHA256.HashData(Encoding.UTF8.GetBytes(reply.RowKey))[0];
        return ThreadIndex.Reply(parent, reply.SentAt > DateTimeOffset.MinValue ? reply.SentAt : time.GetUtcNow(), random);
    }

    private async Task<IReadOnlyList<OutgoingAttachment>> AttachmentsAsync(MessageEntity reply, CancellationToken cancellationToken)
    {
        var stored = JsonSerializer.Deserialize<List<StoredAttachment>>(reply.Attachments, JsonDefaults.Options) ?? [];
        var result = new List<OutgoingAttachment>(stored.Count);
        foreach (var attachment in stored)
        {
            await using var stream = await content.OpenAsync(attachment.BlobName, cancellationToken)
                ?? throw new InvalidOperationException($"Attachment blob {attachment.BlobName} of {reply.RowKey} is missing.");
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            result.Add(new OutgoingAttachment(attachment.Name, attachment.ContentType, buffer.ToArray()));
        }
        return result;
    }

    /// <summary>Header values travel as ASCII: anything else RFC 2047-encoded (UTF-8), as mail clients expect.</summary>
    private static string HeaderText(string value) =>
        value.All(char.IsAscii) ? value : Encoding.ASCII.GetString(MimeKit.Utils.Rfc2047.EncodeText(Encoding.UTF8, value));

    private static List<string> Addresses(string json) =>
        (JsonSerializer.Deserialize<List<StoredAddress>>(json, JsonDefaults.Options) ?? [])
            .Select(a => Display(a.Email, a.Name)).ToList();

    /// <summary><c>"Name" &lt;address&gt;</c>, quoted as needed; the bare address when the name cannot be written.</summary>
    private static string Display(string address, string? name) =>
        name is { Length: > 0 } && MailAddress.TryCreate(address, name, out var display) ? display.ToString() : address;
}
