namespace Shop.Notifications.Templates;

/// <summary>What the sign-in code mail shows: the code (decrypted from the event) and until when it works.</summary>
public sealed record LoginCode(string Code, DateTimeOffset ExpiresAt);
