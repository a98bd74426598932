using Yarp.ReverseProxy.Configuration;

// Usage: Shop.BareProxy --urls http://127.0.0.1:PORT --destination http://127.0.0.1:UPSTREAM
var builder = WebApplication.CreateBuilder(args);

var destination = builder.Configuration["destination"] ?? throw new InvalidOperationException("--destination is required");
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "upstream", Match = new RouteMatch { Path = "{**path}" } }],
    [new ClusterConfig { ClusterId = "upstream", Destinations = new Dictionary<string, DestinationConfig> { ["upstream"] = new() { Address = destination } } }]);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
