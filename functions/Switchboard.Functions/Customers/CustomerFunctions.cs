using Switchboard.Handlers.Customers;

namespace Switchboard.Functions.Customers;

public sealed class CustomerFunctions(AgentApi api, GetCustomer getCustomer, UpdateCustomerNotes updateCustomerNotes)
{
    [Function(nameof(GetCustomer))]
    [Api("Customers", "A customer: name, first and last contact, the team's notes, and their conversations (latest activity first).", typeof(CustomerView), Problems = [401, 404])]
    public Task<IResult> GetCustomer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/customers/{email}")] HttpRequest request,
        string email, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getCustomer.HandleAsync(email, cancellationToken), cancellationToken, CustomerRoute.Id(email));

    [Function(nameof(UpdateCustomerNotes))]
    [Api("Customers", "Replaces the team's notes about the customer ({text}, at most 5,000 characters; empty clears them).", typeof(CustomerNotesView), Body = typeof(CustomerNotesBody), Problems = [400, 401, 404])]
    public Task<IResult> UpdateCustomerNotes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/customers/{email}/notes")] HttpRequest request,
        string email, CancellationToken cancellationToken) =>
        api.RunAsync<CustomerNotesBody>(request, Callers.AnyAgent,
            (agent, body) => updateCustomerNotes.HandleAsync(agent, email, body, cancellationToken), cancellationToken, CustomerRoute.Id(email));
}
