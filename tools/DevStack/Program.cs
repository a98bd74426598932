using Shop.DevStack;

// The process side of `./shop` (the bash script installs prerequisites and builds first).
var repositoryRoot = Environment.GetEnvironmentVariable("SHOP_ROOT") ?? Directory.GetCurrentDirectory();
var options = new StackOptions
{
    RepositoryRoot = repositoryRoot,
    StateDirectory = Environment.GetEnvironmentVariable("SHOP_STATE_DIR") ?? Path.Combine(repositoryRoot, ".shop"),
    Configuration = Environment.GetEnvironmentVariable("SHOP_CONFIGURATION") ?? "Debug",
    Replicas = CommandLine.Replicas(args),
    Ports = StackPorts.FromEnvironment(),
};

try
{
    return args.FirstOrDefault() switch
    {
        "up" => await Commands.UpAsync(options),
        "down" => await Commands.DownAsync(new StackPaths(options.StateDirectory)),
        "status" => await Commands.StatusAsync(new StackPaths(options.StateDirectory)),
        "reset" => await Commands.ResetAsync(new StackPaths(options.StateDirectory)),
        _ => CommandLine.Usage(),
    };
}
catch (StackException exception)
{
    Console.Error.WriteLine($"shop: {exception.Message}");
    return 1;
}
