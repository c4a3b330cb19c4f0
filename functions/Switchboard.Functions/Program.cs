using Microsoft.Extensions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Switchboard.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddSwitchboardWorker();
builder.Build().Run();
