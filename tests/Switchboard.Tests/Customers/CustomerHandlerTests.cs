using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Customers;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;

namespace Switchboard.Tests.Customers;

/// <summary>The customer handlers called with a caller and typed input, without an HTTP request.</summary>
public sealed class CustomerHandlerTests
{
    [Fact]
    public async Task Notes_written_by_an_agent_show_on_the_customer_with_who_wrote_them()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await new ReplyDriver(host).StartConversationAsync();

        var written = await host.Services.GetRequiredService<UpdateCustomerNotes>().HandleAsync(
            HandlerCalls.BootstrapAdmin, "dana@example.com", new CustomerNotesBody("  Prefers phone calls.  "));
        var customer = (await host.Services.GetRequiredService<GetCustomer>().HandleAsync("dana@example.com")).Value<CustomerView>();

        Assert.Equal(200, written.Status());
        Assert.Equal("Prefers phone calls.", customer.Notes!.Text);
        Assert.Equal(HandlerCalls.BootstrapAdmin.Id, customer.Notes.UpdatedBy.Id);
        Assert.Equal(id, Assert.Single(customer.Conversations).Id);
    }

    [Fact]
    public async Task Notes_for_an_address_never_seen_are_404()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var result = await host.Services.GetRequiredService<UpdateCustomerNotes>().HandleAsync(
            HandlerCalls.BootstrapAdmin, "nobody@example.com", new CustomerNotesBody("Hello"));

        Assert.Equal(404, result.Status());
    }
}
