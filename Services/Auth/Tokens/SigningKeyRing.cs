using System.Globalization;

namespace Shop.Auth.Tokens;

/// <summary>
/// The keys from `Auth__SigningKeys__N`: index 0 is the active key that signs new tokens; 1..n are older keys
/// still published in the JWKS (and accepted), so a rotation signs nobody out before their tokens expire.
/// </summary>
internal sealed class SigningKeyRing : IDisposable
{
    public const string SectionName = "Auth:SigningKeys";

    public const string ActiveKeySetting = "Auth__SigningKeys__0";

    private SigningKeyRing(IReadOnlyList<SigningKey> keys) => Published = keys;

    public SigningKey Active => Published[0];

    /// <summary>The active key first, then the older ones; every kid once.</summary>
    public IReadOnlyList<SigningKey> Published { get; }

    public static SigningKeyRing FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = new SortedDictionary<int, string>();
        foreach (var entry in configuration.GetSection(SectionName).GetChildren())
        {
            if (!int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw new SigningKeyException($"Auth__SigningKeys__{entry.Key} is not a numbered key (Auth__SigningKeys__0, __1, ...).");
            }

            if (!string.IsNullOrWhiteSpace(entry.Value))
            {
                configured[index] = entry.Value;
            }
        }

        if (!configured.ContainsKey(0))
        {
            if (!environment.IsDevelopment())
            {
                throw new SigningKeyException(
                    $"{ActiveKeySetting} is missing: set it to a secret of at least {SigningKey.MinimumSeedLength} characters (the AppHost parameter `auth-signing-key`).");
            }

            configured[0] = DevelopmentSigningKey.LoadOrCreate(DevelopmentSigningKey.DefaultFolder);
        }

        var keys = configured
            .Select(entry => SigningKey.Parse(entry.Value, $"Auth__SigningKeys__{entry.Key}"))
            .DistinctBy(key => key.KeyId)
            .ToList();
        return new SigningKeyRing(keys);
    }

    public void Dispose()
    {
        foreach (var key in Published)
        {
            key.Dispose();
        }
    }
}
