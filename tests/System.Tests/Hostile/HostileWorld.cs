using Shop.SystemTests.Support;

namespace Shop.SystemTests.Hostile;

/// <summary>
/// What the hostile cases aim at: a victim with a profile picture, a cart and a confirmed order; an attacker (a
/// signed-in customer) with an order of their own; the admin; a product anyone may order; bad tokens.
/// </summary>
public sealed class HostileWorld
{
    private HostileWorld(SystemStack stack, Shopper admin, Shopper victim, Shopper attacker)
    {
        Stack = stack;
        Admin = admin;
        Victim = victim;
        Attacker = attacker;
    }

    public SystemStack Stack { get; }

    public Shopper Admin { get; }

    public Shopper Victim { get; }

    public Shopper Attacker { get; }

    public Product Orderable { get; private set; } = null!;

    public Guid VictimOrder { get; private set; }

    public Guid AttackerOrder { get; private set; }

    public byte[] VictimPicture { get; } = Pictures.Png(4096);

    public HostileTokens Tokens { get; private set; } = null!;

    /// <summary>Identity parts the victim's data is recognised by: none may appear in an answer to anyone else.</summary>
    public IReadOnlyList<string> VictimMarks => [Victim.Id.ToString(), Victim.Email, VictimOrder.ToString()];

    public static async Task<HostileWorld> CreateAsync(SystemStack stack)
    {
        var admin = await stack.AdminAsync();
        var world = new HostileWorld(stack, admin, await stack.NewCustomerAsync("victim"), await stack.NewCustomerAsync("attacker"));
        world.Orderable = await admin.CreateProductAsync("Hostile kettle", 19.99m, 1_000_000, "A kettle that survives anything.");
        await world.Victim.PutPictureAsync(world.VictimPicture, "image/png");
        world.VictimOrder = (await world.Victim.PlaceOrderAsync([new OrderItem(world.Orderable.Id, 1)])).Id;
        world.AttackerOrder = (await world.Attacker.PlaceOrderAsync([new OrderItem(world.Orderable.Id, 1)])).Id;
        await world.Victim.SetCartItemAsync(world.Orderable.Id, 2);
        Assert.Equal("confirmed", (await world.Victim.SettledOrderAsync(world.VictimOrder)).Status);
        Assert.Equal("confirmed", (await world.Attacker.SettledOrderAsync(world.AttackerOrder)).Status);
        world.Tokens = HostileTokens.Create(stack.Stack.Secrets.AuthSigningKey, admin.Id, admin.Email, world.Attacker.Tokens.AccessToken);
        return world;
    }

    /// <summary>The headers that make a request come from <paramref name="caller"/>.</summary>
    public IReadOnlyList<(string Name, string Value)> HeadersOf(Caller caller) => caller switch
    {
        Caller.Anonymous => [],
        Caller.Attacker => [Bearer(Attacker.Tokens.AccessToken)],
        Caller.Admin => [Bearer(Admin.Tokens.AccessToken)],
        Caller.ForgedSignature => [Bearer(Tokens.Forged)],
        Caller.Expired => [Bearer(Tokens.Expired)],
        Caller.TamperedRole => [Bearer(Tokens.Tampered)],
        Caller.Unsigned => [Bearer(Tokens.Unsigned)],
        Caller.Garbage => [("Authorization", "Bearer not.a-jwt.%%%")],
        Caller.BasicCredentials => [("Authorization", "Basic YWRtaW46YWRtaW4=")],
        Caller.SpoofedIdentityHeaders => [("X-User-Id", Admin.Id.ToString()), ("X-User-Email", Admin.Email), ("X-User-Roles", "admin,customer")],
        Caller.AttackerSpoofingVictim =>
            [Bearer(Attacker.Tokens.AccessToken), ("X-User-Id", Victim.Id.ToString()), ("X-User-Email", Victim.Email), ("X-User-Roles", "admin,customer")],
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>The signed-in people whose data a snapshot records, by the name <see cref="CallerIdentity"/> uses.</summary>
    public IReadOnlyList<(string Name, Shopper Shopper)> People => [("victim", Victim), (CallerIdentity.Attacker, Attacker), (CallerIdentity.Admin, Admin)];

    private static (string, string) Bearer(string token) => ("Authorization", $"Bearer {token}");
}
