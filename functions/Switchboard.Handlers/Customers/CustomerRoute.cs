using Switchboard.Storage.Customers;

namespace Switchboard.Handlers.Customers;

public static class CustomerRoute
{
    /// <summary>A route's customer address: 404 unless it could be one.</summary>
    public static RouteId Id(string email) => RouteId.Of(email, "customer", CustomerAddress.IsPlausible);
}
