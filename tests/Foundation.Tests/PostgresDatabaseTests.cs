using Microsoft.Extensions.Configuration;
using Shop.Data;

namespace Shop.Foundation.Tests;

/// <summary>The service's database is read from `ConnectionStrings:<name>` as Aspire writes it; a bad value names the key.</summary>
public sealed class PostgresDatabaseTests
{
    [Fact]
    public void Connection_string_is_read_as_aspire_writes_it()
    {
        const string connectionString = "Host=db;Port=6543;Username=postgres;Password=p;Database=authdb";

        var database = PostgresDatabase.FromConfiguration(Configuration("authdb", connectionString), "authdb");

        Assert.Equal(new PostgresDatabase("authdb", connectionString), database);
    }

    [Theory]
    [InlineData(null, "ConnectionStrings__authdb is missing")]
    [InlineData("", "ConnectionStrings__authdb is missing")]
    [InlineData("Port=5432;Username=u;Database=d", "ConnectionStrings__authdb has no Host=")]
    [InlineData("Host=h;Username=u", "ConnectionStrings__authdb has no Database=")]
    [InlineData("Host=h;Database=d", "ConnectionStrings__authdb has no Username=")]
    [InlineData("Host=h;Port=x;Username=u;Database=d", "ConnectionStrings__authdb is not a PostgreSQL connection string")]
    [InlineData("not a connection string", "ConnectionStrings__authdb is not a PostgreSQL connection string")]
    public void Bad_connection_string_names_the_key(string? value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresDatabase.FromConfiguration(Configuration("authdb", value), "authdb"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_stays_out_of_the_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            PostgresDatabase.FromConfiguration(Configuration("authdb", "Host=h;Username=u;Password=very-secret;Database=d;Bogus=very-secret"), "authdb"));

        Assert.DoesNotContain("very-secret", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string name, string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new($"ConnectionStrings:{name}", value)]).Build();
}
