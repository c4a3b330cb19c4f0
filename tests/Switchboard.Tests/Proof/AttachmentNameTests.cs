using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Storage.Account;
using Switchboard.Storage.Conversations;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Proof;

/// <summary>
/// Path traversal in attachment names: a customer names attachments as paths (relative, absolute, Windows, with NUL,
/// very long). Each is stored and downloaded under a safe name (its last segment, cleaned, shortened), the download's
/// Content-Disposition carries only that name, and every blob stays in the message's own folder.
/// </summary>
public sealed class AttachmentNameTests
{
    private static readonly string Long = new string('x', 300) + ".pdf";

    /// <summary>The names as the MIME header writes them, and the name an agent sees and saves.</summary>
    public static readonly (string Header, string Safe)[] Names =
    [
        ("filename=\"../../x.txt\"", "x.txt"),
        ("filename=\"/etc/passwd\"", "passwd"),
        ("filename=\"..\\\\..\\\\windows\\\\evil.bat\"", "evil.bat"),
        ("filename=\"C:\\\\temp\\\\report.txt\"", "report.txt"),
        ("filename*=UTF-8''nul%00byte.txt", "nul_byte.txt"),
        ("filename*=UTF-8''%2E%2E%2F%2E%2E%2Fencoded.txt", "encoded.txt"),
        ("filename=\"../..\"", "attachment-7.txt"),
        ("filename=\".hidden\"", "hidden"),
        ($"filename=\"{Long}\"", new string('x', 146) + ".pdf"),
    ];

    [Fact]
    public async Task Attachment_names_that_are_paths_are_stored_and_downloaded_under_safe_names_inside_the_message_folder()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        await mail.DeliverRawAsync(Email());
        await mail.ProcessQueuedAsync();

        var message = Assert.Single((await mail.SingleConversationAsync()).Messages());
        var attachments = message.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(Names.Select(n => n.Safe), attachments.Select(a => a.Str("name")));
        for (var i = 0; i < attachments.Count; i++)
        {
            var response = await mail.GetAsync(attachments[i].Str("url"));
            Assert.True(response.IsSuccessStatusCode, $"{i}: {(int)response.StatusCode}");
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal(Names[i].Safe, (disposition.FileNameStar ?? disposition.FileName)!.Trim('"'));
            Assert.Equal($"content {i}", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        }

        // Blob names never come from the sender: every attachment blob is under this message's folder.
        var conversationId = (await mail.SingleConversationAsync()).Str("id");
        var folder = $"attachments/{conversationId}/{message.Str("id")}/";
        var container = host.Storage.Container(StorageLayout.MailContainer);
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "attachments/", CancellationToken.None))
        {
            blobs.Add(blob.Name);
        }
        Assert.Equal(Names.Length, blobs.Count);
        Assert.All(blobs, name => Assert.StartsWith(folder, name, StringComparison.Ordinal));
        Assert.All(blobs, name => Assert.DoesNotContain("..", name, StringComparison.Ordinal));
    }

    private static byte[] Email()
    {
        var text = new StringBuilder();
        text.Append("From: Mallory <mallory@example.com>\r\nTo: support@acme.test\r\nSubject: Files\r\n")
            .Append("Date: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@example.com>\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n")
            .Append("--b\r\nContent-Type: text/plain\r\n\r\nSee the files.\r\n");
        for (var i = 0; i < Names.Length; i++)
        {
            text.Append("--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment;\r\n ").Append(Names[i].Header).Append("\r\n\r\n")
                .Append("content ").Append(i).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.Append("--b--\r\n").ToString());
    }
}
