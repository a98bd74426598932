using Shop.Auth.Tokens;

namespace Shop.Auth.SignIn;

/// <summary>What a successful verification or refresh hands out.</summary>
internal sealed record TokenPair(IssuedAccessToken Access, string RefreshToken);
