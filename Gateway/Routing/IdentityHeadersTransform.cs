using Shop.Gateway.Security;
using Yarp.ReverseProxy.Transforms;

namespace Shop.Gateway.Routing;

/// <summary>
/// Services trust `X-User-*` only because the gateway sets them: every client-sent one is dropped, and a signed-in
/// caller's id, e-mail and comma-separated roles are added. The bearer token itself is forwarded unchanged.
/// </summary>
internal sealed class IdentityHeadersTransform : RequestTransform
{
    public const string Prefix = "X-User-";
    public const string UserId = "X-User-Id";
    public const string UserEmail = "X-User-Email";
    public const string UserRoles = "X-User-Roles";

    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        List<string>? spoofed = null;
        foreach (var (name, _) in context.HttpContext.Request.Headers)
        {
            if (name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                (spoofed ??= []).Add(name);
            }
        }

        foreach (var name in spoofed ?? [])
        {
            RemoveHeader(context, name);
        }

        if (context.HttpContext.Features.Get<SignedInUser>() is { } user)
        {
            AddHeader(context, UserId, user.Id);
            AddHeader(context, UserRoles, user.Roles);
            if (user.Email is { } email)
            {
                AddHeader(context, UserEmail, email);
            }
        }

        return ValueTask.CompletedTask;
    }
}
