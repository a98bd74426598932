using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Shop.ServiceDefaults.Health;

namespace Shop.ServiceDefaults;

internal sealed class ServiceDefaultsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseProbesOutOfTraces();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        next(app);
    };
}
