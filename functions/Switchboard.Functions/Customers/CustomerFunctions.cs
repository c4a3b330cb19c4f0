using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Customers;

namespace Switchboard.Functions.Customers;

public sealed class CustomerFunctions(GetCustomer getCustomer, UpdateCustomerNotes updateCustomerNotes)
{
    [Function(nameof(GetCustomer))]
    public Task<IResult> GetCustomer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "customers/{email}")] HttpRequest request,
        string email, CancellationToken cancellationToken) =>
        getCustomer.HandleAsync(request, email, cancellationToken);

    [Function(nameof(UpdateCustomerNotes))]
    public Task<IResult> UpdateCustomerNotes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "customers/{email}/notes")] HttpRequest request,
        string email, CancellationToken cancellationToken) =>
        updateCustomerNotes.HandleAsync(request, email, cancellationToken);
}
