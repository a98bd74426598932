using Shop.Auth.SignIn;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Users;

/// <summary>
/// Who holds which role: `customer` is everyone's; `admin` comes from the addresses in `Auth__Admins__N`
/// (checked whenever tokens are issued, so editing the list needs no database change) or from a promotion
/// stored in the database by another admin.
/// </summary>
internal sealed class UserRoles(IEnumerable<string> adminEmails)
{
    public const string AdminsSection = "Auth:Admins";

    public const int MaxRequested = 16;

    /// <summary>Every role there is, in the order tokens and responses list them.</summary>
    public static readonly IReadOnlyList<string> Known = [ShopTokens.CustomerRole, ShopTokens.AdminRole];

    private readonly HashSet<string> admins = adminEmails.Select(EmailAddress.Normalize).ToHashSet(StringComparer.Ordinal);

    public static UserRoles FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetSection(AdminsSection).GetChildren().Select(entry => entry.Value).OfType<string>().Where(value => value.Length > 0));

    /// <summary>The roles a user has now: the stored ones, `customer`, and `admin` when configured for the address.</summary>
    public IReadOnlyList<string> Effective(string email, IEnumerable<string> stored)
    {
        var roles = stored.Append(ShopTokens.CustomerRole);
        if (admins.Contains(email))
        {
            roles = roles.Append(ShopTokens.AdminRole);
        }

        return Known.Intersect(roles, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The roles to store for a `PUT /auth/users/{id}/roles` request: known roles only; `customer` is always kept
    /// (added when missing), so `["admin"]` promotes and `[]` or `["customer"]` demotes.
    /// </summary>
    public static bool TryParseRequested(IReadOnlyList<string> requested, out string[] roles, out string error)
    {
        roles = [];
        error = string.Empty;
        if (requested.Count > MaxRequested)
        {
            error = $"At most {MaxRequested} roles.";
            return false;
        }

        if (requested.Any(role => !Known.Contains(role, StringComparer.Ordinal)))
        {
            error = $"Unknown role. Known roles: {string.Join(", ", Known)}.";
            return false;
        }

        roles = Known.Intersect(requested.Append(ShopTokens.CustomerRole), StringComparer.Ordinal).ToArray();
        return true;
    }
}
