using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.ServiceDefaults.Errors;

public static class ProblemDetailsExtensions
{
    /// <summary>The developer exception page logs every exception at error level before its filters run.</summary>
    private const string DeveloperPageLogCategory = "Microsoft.AspNetCore.Diagnostics.DeveloperExceptionPageMiddleware";

    /// <summary>
    /// Every error is RFC 9457 ProblemDetails; request bodies are read strictly (unknown fields, missing
    /// required fields, duplicate keys, numbers in strings and nulls for non-nullable members are rejected with 400).
    /// No error body carries exception details in any environment.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RefusalLogSampler>();
        builder.Services.AddSingleton<RefusalLog>();

        // In this order: client mistakes (4xx), unreachable dependencies (503), anything else (500, logged in full).
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<UnexpectedExceptionHandler>();
        builder.Services.AddSingleton<IDeveloperPageExceptionFilter, DeveloperPageFilter>();
        builder.Logging.AddFilter(DeveloperPageLogCategory, LogLevel.None);

        // The handlers log what they handled (a client's mistake as a sampled warning, not an error with a stack trace).
        builder.Services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => context.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService);

        // Binding failures throw in every environment so BadRequestExceptionHandler can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.NumberHandling = JsonNumberHandling.Strict;
            json.RespectNullableAnnotations = true;
            json.RespectRequiredConstructorParameters = true;
            json.AllowTrailingCommas = false;

            // Two `email` keys must not mean whichever came last to one reader and the first to another.
            json.AllowDuplicateProperties = false;
        });
        return builder;
    }
}
