using Shop.Auth.Avatars;
using Shop.Auth.SignIn;
using Shop.Auth.Users;

namespace Shop.Auth.Tests.Unit;

/// <summary>The pure rules at auth's boundary: addresses, codes, picture types and requested roles.</summary>
public sealed class InputRulesTests
{
    [Theory]
    [InlineData(" Someone@Example.COM ", "someone@example.com")]
    [InlineData("first.last+tag@mail.example.org", "first.last+tag@mail.example.org")]
    public void Good_addresses_are_normalized(string input, string expected)
    {
        Assert.True(EmailAddress.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData(".dot@example.com")]
    [InlineData("a..b@example.com")]
    [InlineData("a@-example.com")]
    [InlineData("a@example")]
    [InlineData("<script>@example.com")]
    [InlineData("\"quoted\"@example.com")]
    public void Bad_addresses_are_refused(string? input) => Assert.False(EmailAddress.TryNormalize(input, out _));

    [Fact]
    public void Local_parts_over_64_characters_are_refused()
    {
        Assert.True(EmailAddress.TryNormalize(new string('a', 64) + "@example.com", out _));
        Assert.False(EmailAddress.TryNormalize(new string('a', 65) + "@example.com", out _));
    }

    [Fact]
    public void Codes_are_six_digits_and_match_only_themselves()
    {
        var code = LoginCode.Generate();
        var (hash, salt) = LoginCode.Hash(code);

        Assert.True(LoginCode.IsWellFormed(code));
        Assert.True(LoginCode.Matches(code, hash, salt));
        Assert.False(LoginCode.Matches(code == "000000" ? "000001" : "000000", hash, salt));
        Assert.NotEqual(hash, LoginCode.Hash(code).Hash);
        Assert.False(LoginCode.IsWellFormed("12345"));
        Assert.False(LoginCode.IsWellFormed("１２３４５６"));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, "image/jpeg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45 }, null)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, null)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E }, null)]
    [InlineData(new byte[0], null)]
    public void Picture_types_are_judged_by_their_first_bytes(byte[] head, string? expected) =>
        Assert.Equal(expected, ImageFormat.Detect(head));

    [Theory]
    [InlineData(new[] { "admin" }, new[] { "customer", "admin" })]
    [InlineData(new[] { "admin", "customer", "admin" }, new[] { "customer", "admin" })]
    [InlineData(new string[0], new[] { "customer" })]
    public void Requested_roles_always_keep_customer(string[] requested, string[] stored)
    {
        Assert.True(UserRoles.TryParseRequested(requested, out var roles, out _));
        Assert.Equal(stored, roles);
    }

    [Fact]
    public void Unknown_roles_are_refused() => Assert.False(UserRoles.TryParseRequested(["Admin"], out _, out _));

    [Fact]
    public void Configured_admins_are_matched_after_normalization()
    {
        var roles = new UserRoles([" Boss@Shop.TEST "]);

        Assert.Equal(["customer", "admin"], roles.Effective("boss@shop.test", ["customer"]));
        Assert.Equal(["customer"], roles.Effective("someone@shop.test", []));
        Assert.Equal(["customer", "admin"], roles.Effective("someone@shop.test", ["admin"]));
    }
}
