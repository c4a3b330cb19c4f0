using Switchboard.Handlers.Conversations;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Customers;

namespace Switchboard.Handlers.Customers;

/// <summary>
/// <c>GET /api/customers/{email}</c>: the customer's profile (name, first and last contact), the team's notes, and every
/// conversation they are in, latest activity first. One partition query on <c>Customers</c>, then a point read of each
/// conversation's head (so status and last activity are current), the newest <see cref="MaxConversations"/> only.
/// </summary>
public sealed class GetCustomer(CustomerStore customers, ConversationStore conversations)
{
    public const int MaxConversations = 100;

    public async Task<IResult> HandleAsync(string email, CancellationToken cancellationToken = default)
    {
        if (await customers.GetRecordAsync(email, cancellationToken) is not { } record)
        {
            return Problems.NotFound($"There is no customer '{email}'.");
        }
        var ids = record.Conversations.OrderByDescending(c => c.LinkedAt).Take(MaxConversations).Select(c => c.Id);
        var heads = new List<ConversationEntity>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            // A conversation merged into another shows as that one (a link written after the merge moved it may remain).
            if (await conversations.GetLiveHeadAsync(id, ct) is { } head)
            {
                lock (heads) heads.Add(head);
            }
        });
        var profile = record.Profile;
        return Results.Ok(new CustomerView(
            profile.Email, profile.Name, profile.FirstContactAt, profile.LastContactAt, NotesView(record.Notes),
            heads.DistinctBy(h => h.PartitionKey).OrderByDescending(h => h.LastActivityAt)
                .Select(ConversationSummary.Of)
                .ToList()));
    }

    internal static CustomerNotesView? NotesView(CustomerNotesEntity? notes) =>
        notes is null ? null : new CustomerNotesView(notes.Text, notes.UpdatedAt, new PersonRef(notes.UpdatedBy, notes.UpdatedByName));
}
