using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Errors;

namespace Shop.ServiceDefaults;

internal sealed class ServiceDefaultsStartupFilter(IOptions<ErrorResponseOptions> errors) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseExceptionHandler();
        app.UseMiddleware<JsonCharsetMiddleware>();
        if (errors.Value.StatusCodePages)
        {
            app.UseStatusCodePages();
        }

        next(app);
    };
}
