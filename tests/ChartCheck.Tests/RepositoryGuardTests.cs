using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shop.ChartCheck.Tests;

/// <summary>Cheap guards over files that cannot be built or run here (the AppHost, Aspirate's settings).</summary>
public sealed class RepositoryGuardTests
{
    private static readonly string AppHostProgram = File.ReadAllText(RepositoryPaths.Of("AppHost", "Program.cs"));

    [Fact]
    public void The_root_aspirate_json_is_the_one_in_the_apphost_folder()
    {
        // Aspirate reads aspirate.json from its project path, which CI sets to AppHost/; the root copy is for readers.
        var root = File.ReadAllText(RepositoryPaths.Of("aspirate.json"));
        var appHost = File.ReadAllText(RepositoryPaths.Of("AppHost", "aspirate.json"));

        Assert.Equal(appHost.ReplaceLineEndings(), root.ReplaceLineEndings());
        // Aspirate 9.1.0 dereferences Builder whenever ContainerSettings is present.
        using var settings = JsonDocument.Parse(root);
        Assert.Equal("docker", settings.RootElement.GetProperty("ContainerSettings").GetProperty("Builder").GetString());
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("authdb")]
    [InlineData("productsdb")]
    [InlineData("ordersdb")]
    [InlineData("notificationsdb")]
    [InlineData("nats")]
    [InlineData("storage")]
    [InlineData("mail")]
    [InlineData("auth")]
    [InlineData("products")]
    [InlineData("orders")]
    [InlineData("notifications")]
    [InlineData("gateway")]
    public void The_apphost_declares_each_contract_resource(string name) =>
        Assert.Matches($@"\.Add\w+(<[\w.]+>)?\(\s*""{name}""", AppHostProgram);

    [Fact]
    public void The_apphost_limits_injected_variables_before_each_reference()
    {
        var projects = AppHostProgram.Split(".AddProject<")[1..];

        Assert.Equal(5, projects.Length);
        Assert.All(projects, project =>
            Assert.True(project.IndexOf(".WithReferenceEnvironment(", StringComparison.Ordinal) < project.IndexOf(".WithReference(", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_apphost_sets_no_endpoint_port_aspirate_would_swap() =>
        Assert.DoesNotMatch(@"\bport:", AppHostProgram);

    [Theory]
    [InlineData("Services/Auth", 5101)]
    [InlineData("Services/Products", 5102)]
    [InlineData("Services/Orders", 5103)]
    [InlineData("Services/Notifications", 5104)]
    [InlineData("Gateway", 8080)]
    public void Each_service_has_one_http_launch_profile(string project, int port)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Of([.. project.Split('/'), "Properties", "launchSettings.json"])));
        var profile = Assert.Single(settings.RootElement.GetProperty("profiles").EnumerateObject());

        Assert.Equal("http", profile.Name);
        Assert.Equal("Project", profile.Value.GetProperty("commandName").GetString());
        Assert.Equal($"http://localhost:{port}", profile.Value.GetProperty("applicationUrl").GetString());
    }

    [Fact]
    public void Images_are_named_after_the_project_and_run_as_a_non_root_user()
    {
        var containers = File.ReadAllText(RepositoryPaths.Of("build", "Containers.props"));

        Assert.Contains("shop-$(MSBuildProjectName.ToLowerInvariant())", containers);
        Assert.Matches(@"<ContainerUser>[1-9]\d*</ContainerUser>", containers);
        Assert.Matches(new Regex("<ContainerBaseImage>mcr.microsoft.com/dotnet/aspnet:10.0-[a-z]+-chiseled</ContainerBaseImage>"), containers);
    }
}
