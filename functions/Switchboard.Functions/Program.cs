using Microsoft.Extensions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Switchboard.Functions;
using Switchboard.Functions.Security;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddSwitchboardWorker();
builder.UseMiddleware<SecurityHeadersMiddleware>();
builder.Build().Run();
