namespace Shop.Gateway.Security;

/// <summary>What a request's `Authorization` header amounts to.</summary>
internal enum TokenOutcome
{
    /// <summary>No bearer token was sent.</summary>
    None,

    /// <summary>A valid token: <see cref="TokenCheck.User"/> is set.</summary>
    Valid,

    /// <summary>Malformed, forged, expired, for another audience or issuer, or signed with a disallowed algorithm.</summary>
    Invalid,

    /// <summary>Auth's keys could never be read, or its revocation list not lately, so the token cannot be judged.</summary>
    KeysUnavailable,
}

internal readonly record struct TokenCheck(TokenOutcome Outcome, SignedInUser? User = null)
{
    public static readonly TokenCheck None = new(TokenOutcome.None);
    public static readonly TokenCheck Invalid = new(TokenOutcome.Invalid);
    public static readonly TokenCheck KeysUnavailable = new(TokenOutcome.KeysUnavailable);
}
