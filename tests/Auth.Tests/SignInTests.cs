using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Shop.Auth.Tests.Support;
using Shop.ServiceDefaults.Secrets;

namespace Shop.Auth.Tests;

/// <summary>The sign-in journey and every way a code can fail (contract.md section 3, issue 4).</summary>
[Collection(AuthStackCollection.Name)]
public sealed class SignInTests(AuthStackFixture fixture)
{
    private readonly AuthClient client = fixture.Client();

    [Fact]
    public async Task A_new_user_signs_in_with_the_mailed_code_and_sees_their_profile()
    {
        var email = AuthClient.NewEmail("journey");

        using var login = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Accepted, login.StatusCode);
        var code = await fixture.Events.NextCodeAsync(email);
        Assert.Matches("^[0-9]{6}$", code);

        using var verify = await client.VerifyAsync(email, code);
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        var body = await verify.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(900, body.GetProperty("expiresIn").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
        var accessToken = body.GetProperty("accessToken").GetString()!;

        var me = await client.GetMeAsync(accessToken);
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal(["customer"], me.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.True(me.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("avatarUrl").ValueKind);
        Assert.True(Guid.TryParse(me.GetProperty("id").GetString(), out var id));
        Assert.InRange(me.GetProperty("createdAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(id.ToString(), TestTokens.Payload(accessToken).GetProperty("sub").GetString());
    }

    [Fact]
    public async Task The_code_event_and_the_first_verification_event_carry_the_user()
    {
        var email = AuthClient.NewEmail("events");
        var tokens = await client.SignInAsync(email);
        var userId = TestTokens.Payload(tokens.AccessToken).GetProperty("sub").GetString();

        var registered = await fixture.Events.NextRegistrationAsync(email);
        Assert.Equal(userId, registered.GetProperty("userId").GetString());

        var envelope = fixture.Events.All.Last(e => e.GetProperty("type").GetString() == "shop.auth.login_code_requested"
            && e.GetProperty("data").GetProperty("email").GetString() == email);
        Assert.Equal("1.0", envelope.GetProperty("specversion").GetString());
        Assert.Equal("auth", envelope.GetProperty("source").GetString());
        Assert.Equal(userId, envelope.GetProperty("data").GetProperty("userId").GetString());
        var expiresAt = envelope.GetProperty("data").GetProperty("expiresAt").GetDateTimeOffset();

        // The code never travels in clear: only the holder of Notifications__CodeKey can open it, for this address only.
        var data = envelope.GetProperty("data");
        Assert.False(data.TryGetProperty("code", out _));
        var sealedCode = data.GetProperty("encryptedCode").GetString()!;
        var code = SignInCodeCipher.Development().Decrypt(sealedCode, email);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.DoesNotContain(code!, envelope.GetRawText(), StringComparison.Ordinal);
        Assert.Null(SignInCodeCipher.Development().Decrypt(sealedCode, "someone-else@shop.test"));
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(10.5));

        // A second sign-in is not a registration. Events leave in commit order, so once the later code
        // request has arrived, a second user_registered would have arrived before it.
        await client.SignInAsync(email);
        await client.RequestCodeAsync(email);
        Assert.Equal(0, fixture.Events.PendingRegistrations(email));
    }

    [Fact]
    public async Task Addresses_are_trimmed_and_lower_cased()
    {
        var email = AuthClient.NewEmail("mixed");

        using var login = await client.LoginAsync($"  {email.ToUpperInvariant()} ");
        Assert.Equal(HttpStatusCode.Accepted, login.StatusCode);
        var code = await fixture.Events.NextCodeAsync(email);
        var tokens = await AuthClient.ReadTokensAsync(await client.VerifyAsync(email.ToUpperInvariant(), code));

        Assert.Equal(email, (await client.GetMeAsync(tokens.AccessToken)).GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("two@@shop.test")]
    [InlineData("space in@shop.test")]
    [InlineData("nodomain@")]
    [InlineData("user@localhost")]
    [InlineData("a@b..test")]
    public async Task A_bad_address_is_a_validation_error(string email) =>
        await Problems.AssertValidationProblemAsync(await client.LoginAsync(email), "email");

    [Fact]
    public async Task An_address_longer_than_254_characters_is_a_validation_error() =>
        await Problems.AssertValidationProblemAsync(await client.LoginAsync(new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".test"), "email");

    [Fact]
    public async Task A_missing_or_malformed_body_is_400()
    {
        await Problems.AssertProblemAsync(await client.PostAsync("/auth/login", new { }), HttpStatusCode.BadRequest);
        await Problems.AssertProblemAsync(await client.PostAsync("/auth/verify", new { email = "x@shop.test", code = 123456 }), HttpStatusCode.BadRequest);
        await Problems.AssertValidationProblemAsync(await client.VerifyAsync("x@shop.test", "12345a"), "code");
    }

    [Fact]
    public async Task Wrong_code_and_unknown_address_get_the_same_answer()
    {
        var email = AuthClient.NewEmail("wrong");
        var code = await client.RequestCodeAsync(email);

        var wrong = await Problems.AssertProblemAsync(await client.VerifyAsync(email, OtherCode(code)), HttpStatusCode.BadRequest);
        var unknown = await Problems.AssertProblemAsync(await client.VerifyAsync(AuthClient.NewEmail("nobody"), code), HttpStatusCode.BadRequest);

        Assert.Equal(wrong.GetProperty("title").GetString(), unknown.GetProperty("title").GetString());
        Assert.False(wrong.TryGetProperty("errors", out _));
        // The wrong try did not kill the code.
        await AuthClient.ReadTokensAsync(await client.VerifyAsync(email, code));
    }

    [Fact]
    public async Task A_used_code_does_not_work_twice()
    {
        var email = AuthClient.NewEmail("reuse");
        var code = await client.RequestCodeAsync(email);

        await AuthClient.ReadTokensAsync(await client.VerifyAsync(email, code));
        await Problems.AssertProblemAsync(await client.VerifyAsync(email, code), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_expired_code_does_not_work()
    {
        var email = AuthClient.NewEmail("expired");
        var code = await client.RequestCodeAsync(email);

        // Ten minutes pass: move the stored expiry instead of waiting.
        await using (var database = await fixture.OpenDatabaseAsync())
        {
            var moved = await database.ExecuteAsync(
                "UPDATE login_codes SET expires_at = now() - interval '1 second' FROM users WHERE users.id = login_codes.user_id AND users.email = @email", new { email });
            Assert.Equal(1, moved);
        }

        await Problems.AssertProblemAsync(await client.VerifyAsync(email, code), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(4, HttpStatusCode.OK)]
    [InlineData(5, HttpStatusCode.BadRequest)]
    public async Task Five_wrong_tries_kill_the_code_and_four_do_not(int wrongTries, HttpStatusCode rightCodeAfterwards)
    {
        var email = AuthClient.NewEmail("brute");
        var code = await client.RequestCodeAsync(email);

        for (var attempt = 0; attempt < wrongTries; attempt++)
        {
            await Problems.AssertProblemAsync(await client.VerifyAsync(email, OtherCode(code, attempt)), HttpStatusCode.BadRequest);
        }

        using var right = await client.VerifyAsync(email, code);
        Assert.Equal(rightCodeAfterwards, right.StatusCode);
    }

    [Fact]
    public async Task A_new_code_replaces_the_previous_one()
    {
        var email = AuthClient.NewEmail("replace");
        var first = await client.RequestCodeAsync(email);
        var second = await client.RequestCodeAsync(email);

        if (first != second)
        {
            await Problems.AssertProblemAsync(await client.VerifyAsync(email, first), HttpStatusCode.BadRequest);
        }

        await AuthClient.ReadTokensAsync(await client.VerifyAsync(email, second));
    }

    [Fact]
    public async Task Codes_are_stored_hashed()
    {
        var email = AuthClient.NewEmail("hashed");
        var code = await client.RequestCodeAsync(email);

        await using var database = await fixture.OpenDatabaseAsync();
        var (hash, salt) = await database.QuerySingleAsync<(byte[], byte[])>(
            "SELECT code_hash, salt FROM login_codes JOIN users ON users.id = login_codes.user_id WHERE users.email = @email", new { email });
        Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(salt, System.Text.Encoding.ASCII.GetBytes(code)), hash);
    }

    /// <summary>A well-formed code that differs from <paramref name="code"/> (and from other attempts).</summary>
    private static string OtherCode(string code, int attempt = 0) =>
        ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1 + attempt) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
