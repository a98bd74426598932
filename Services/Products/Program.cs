using Shop.Products.Apis;
using Shop.Products.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapProductsApi();
app.MapInternalApi();

app.Run();
