using Microsoft.AspNetCore.Http;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.Customers;

namespace Switchboard.Handlers.Customers;

/// <summary>
/// <c>PUT /api/customers/{email}/notes {text}</c>: replaces the team's notes about a customer (empty text clears them).
/// Last writer wins; the answer says who wrote them and when.
/// </summary>
public sealed class UpdateCustomerNotes(AgentAuthenticator auth, CustomerStore customers, TimeProvider time)
{
    public const int MaxLength = 5000;

    public async Task<IResult> HandleAsync(HttpRequest request, string email, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var (body, invalid) = await JsonBody.ReadAsync<CustomerNotesBody>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }
        if (body.Text is not { } text)
        {
            return Problems.BadRequest("text is required (an empty string clears the notes).", "text");
        }
        if (text.Length > MaxLength)
        {
            return Problems.BadRequest($"text is limited to {MaxLength} characters.", "text");
        }
        var notes = CustomerAddress.IsPlausible(email)
            ? await customers.SetNotesAsync(email, text.Trim(), agent.Id, agent.Name, time.GetUtcNow(), cancellationToken)
            : null;
        return notes is null ? Problems.NotFound($"There is no customer '{email}'.") : Results.Ok(GetCustomer.NotesView(notes));
    }
}
