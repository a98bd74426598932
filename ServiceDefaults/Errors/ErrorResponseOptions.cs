namespace Shop.ServiceDefaults.Errors;

/// <summary>How <c>AddServiceDefaults</c> turns failures into ProblemDetails.</summary>
public sealed class ErrorResponseOptions
{
    /// <summary>
    /// Give empty-bodied 4xx/5xx responses a ProblemDetails body (status code pages). On by default; a reverse proxy
    /// turns it off, because it passes the services' answers through untouched and writes its own errors itself.
    /// </summary>
    public bool StatusCodePages { get; set; } = true;
}
