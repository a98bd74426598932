using Shop.Auth.Apis;
using Shop.Auth.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapSignInApi();
app.MapProfileApi();
app.MapUsersApi();
app.MapWellKnownApi();
app.MapForwardAuthApi();
app.MapInternalApi();

app.Run();
