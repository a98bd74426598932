namespace Shop.SystemTests.Hostile;

/// <summary>Who sends a hostile request, and with what credentials.</summary>
public enum Caller
{
    /// <summary>No credentials at all.</summary>
    Anonymous,

    /// <summary>A signed-in customer who is not the victim, with a valid token.</summary>
    Attacker,

    /// <summary>The admin, with a valid token.</summary>
    Admin,

    /// <summary>An admin token signed by a key auth never published, under the real key's `kid`.</summary>
    ForgedSignature,

    /// <summary>An admin token signed by the real key, expired an hour ago.</summary>
    Expired,

    /// <summary>The attacker's token with `admin` added to its claims and the original signature kept.</summary>
    TamperedRole,

    /// <summary>Admin claims with `alg: none` and no signature.</summary>
    Unsigned,

    /// <summary>`Bearer` followed by something that is no JWT.</summary>
    Garbage,

    /// <summary>A Basic credential where a bearer token belongs.</summary>
    BasicCredentials,

    /// <summary>No token, but the identity headers the gateway adds, naming the admin.</summary>
    SpoofedIdentityHeaders,

    /// <summary>The attacker's valid token plus identity headers naming the victim with the admin role.</summary>
    AttackerSpoofingVictim,
}

public static class CallerIdentity
{
    public const string Attacker = "attacker";
    public const string Admin = "admin";

    /// <summary>Whose valid token the request carries (null: none), which is all that may count.</summary>
    public static string? Of(Caller caller) => caller switch
    {
        Caller.Attacker or Caller.AttackerSpoofingVictim => Attacker,
        Caller.Admin => Admin,
        _ => null,
    };
}
