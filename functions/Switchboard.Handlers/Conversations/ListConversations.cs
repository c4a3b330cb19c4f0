using System.Text;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Switchboard.Core.Conversations;
using Switchboard.Core.Inbound;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.Conversations;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// <c>GET /api/conversations?mailbox=&amp;status=&amp;limit=&amp;continuationToken=</c>: the inbox, newest activity first,
/// one range query on <c>InboxIndex</c> per page. Without a mailbox, all mailboxes; without a status, open.
/// </summary>
public sealed class ListConversations(AgentAuthenticator auth, InboxIndex inbox, Mailboxes mailboxes)
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var query = request.Query;
        var mailbox = query["mailbox"].FirstOrDefault() is { Length: > 0 } m ? m.Trim().ToLowerInvariant() : null;
        if (mailbox is not null && !mailboxes.All.Contains(mailbox))
        {
            return Problems.BadRequest($"Unknown mailbox '{mailbox}'. Known: {string.Join(", ", mailboxes.All)}.", "mailbox");
        }
        var status = ConversationStatus.Open;
        if (query["status"].FirstOrDefault() is { Length: > 0 } s && !ConversationStatuses.TryParse(s, out status))
        {
            return Problems.BadRequest("status must be one of open, pending, snoozed, closed.", "status");
        }
        var limit = DefaultLimit;
        if (query["limit"].FirstOrDefault() is { Length: > 0 } l && (!int.TryParse(l, out limit) || limit is < 1 or > MaxLimit))
        {
            return Problems.BadRequest($"limit must be a whole number from 1 to {MaxLimit}.", "limit");
        }
        string? storageToken = null;
        if (query["continuationToken"].FirstOrDefault() is { Length: > 0 } token && !TryDecode(token, out storageToken))
        {
            return Problems.BadRequest("continuationToken is not one this API returned.", "continuationToken");
        }

        try
        {
            var (rows, next) = await inbox.PageAsync(mailbox, status.ToWire(), limit, storageToken, cancellationToken);
            var items = rows
                .DistinctBy(r => r.ConversationId) // a row left behind by two concurrent moves shows once
                .Select(r => new ConversationSummary(r.ConversationId, r.Subject, r.Status, r.Mailbox,
                    new PersonView(r.CustomerEmail, r.CustomerName), r.MessageCount, r.LastActivityAt, r.Preview))
                .ToList();
            return Results.Ok(new ConversationPage(items, next is null ? null : WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(next))));
        }
        catch (RequestFailedException e) when (e.Status == 400 && storageToken is not null)
        {
            return Problems.BadRequest("continuationToken is not one this API returned.", "continuationToken");
        }
    }

    private static bool TryDecode(string token, out string? decoded)
    {
        try
        {
            decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            return decoded.Length > 0;
        }
        catch (FormatException)
        {
            decoded = null;
            return false;
        }
    }
}
