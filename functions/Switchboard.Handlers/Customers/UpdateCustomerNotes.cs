using Switchboard.Handlers.Auth;
using Switchboard.Storage.Customers;

namespace Switchboard.Handlers.Customers;

/// <summary>
/// <c>PUT /api/customers/{email}/notes {text}</c>: replaces the team's notes about a customer (empty text clears them).
/// Last writer wins; the answer says who wrote them and when.
/// </summary>
public sealed class UpdateCustomerNotes(CustomerStore customers, TimeProvider time)
{
    public const int MaxLength = 5000;

    public async Task<IResult> HandleAsync(Agent agent, string email, CustomerNotesBody body, CancellationToken cancellationToken = default)
    {
        if (body.Text is not { } text)
        {
            return Problems.BadRequest("text is required (an empty string clears the notes).", "text");
        }
        if (text.Length > MaxLength)
        {
            return Problems.BadRequest($"text is limited to {MaxLength} characters.", "text");
        }
        var notes = await customers.SetNotesAsync(email, text.Trim(), agent.Id, agent.Name, time.GetUtcNow(), cancellationToken);
        return notes is null ? Problems.NotFound($"There is no customer '{email}'.") : Results.Ok(GetCustomer.NotesView(notes));
    }
}
