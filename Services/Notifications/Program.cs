using Shop.Notifications.Apis;
using Shop.Notifications.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapInternalApi();

app.Run();
