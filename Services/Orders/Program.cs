using Shop.Orders.Apis;
using Shop.Orders.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapCartApi();
app.MapOrdersApi();
app.MapInternalApi();

app.Run();
