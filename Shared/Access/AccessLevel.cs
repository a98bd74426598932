namespace Shop.Access;

/// <summary>Who may call a public route (contract.md section 3).</summary>
public enum AccessLevel
{
    /// <summary>Anyone.</summary>
    Anonymous,

    /// <summary>Any valid access token.</summary>
    User,

    /// <summary>A valid access token with the `admin` role.</summary>
    Admin,
}
