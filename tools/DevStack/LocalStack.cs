namespace Shop.DevStack;

/// <summary>
/// The whole system without Docker: PostgreSQL, nats-server, s3rver and maildev, then every service and the
/// gateway, wired with the environment Aspire would inject. `./shop up` and the integration tests both use it.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    public LocalStack(StackOptions options)
    {
        Options = options;
        Paths = new StackPaths(options.StateDirectory);
        Secrets = new StackSecrets(Paths);
        var ports = options.Ports;
        Postgres = new PostgresServer(ports.Postgres, Paths, Secrets.PostgresPassword, options.Durable);
        Nats = new NatsServer(ports.Nats, Paths, "shop", Secrets.NatsPassword);
        Storage = new S3Server(ports.Storage, Paths, options.RepositoryRoot);
        Mail = new MailSink(ports.Smtp, ports.MailWeb, Paths, options.RepositoryRoot);
        Instances = ShopProject.Services.Append(ShopProject.Gateway).ToDictionary(
            project => project,
            project => (IReadOnlyList<ServiceInstance>)Enumerable.Range(0, project == ShopProject.Gateway ? 1 : options.Replicas)
                .Select(replica => CreateInstance(project, replica))
                .ToList());
    }

    public StackOptions Options { get; }

    public StackPaths Paths { get; }

    public StackSecrets Secrets { get; }

    public PostgresServer Postgres { get; }

    public NatsServer Nats { get; }

    public S3Server Storage { get; }

    public MailSink Mail { get; }

    public IReadOnlyDictionary<ShopProject, IReadOnlyList<ServiceInstance>> Instances { get; }

    public ServiceInstance Gateway => Instances[ShopProject.Gateway][0];

    public IReadOnlyList<StackComponent> Infrastructure => [Postgres, Nats, Storage, Mail];

    public IEnumerable<ServiceInstance> Services => ShopProject.Services.SelectMany(project => Instances[project]);

    public ServiceInstance Service(ShopProject project, int replica = 0) => Instances[project][replica];

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await StartInfrastructureAsync(cancellationToken);
        await Task.WhenAll(Services.Select(instance => instance.StartAsync(cancellationToken)));
        await Gateway.StartAsync(cancellationToken);
    }

    public Task StartInfrastructureAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(Infrastructure.Select(component => component.StartAsync(cancellationToken)));

    /// <summary>Gateway first, then services, then the servers they use: nothing logs errors about a vanished dependency.</summary>
    public async Task StopAsync()
    {
        await Gateway.StopAsync();
        await Task.WhenAll(Services.Select(instance => instance.StopAsync()));
        await Task.WhenAll(Infrastructure.Select(component => component.StopAsync()));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// A replica beyond those the stack runs (numbered from 0), wired like them. The caller starts and stops it:
    /// tests and benchmarks use one to show what a second instance changes.
    /// </summary>
    public ServiceInstance AdditionalReplica(ShopProject project, int replica) =>
        Instance(project, replica, $"{project.Name}-{replica + 1}");

    private ServiceInstance CreateInstance(ShopProject project, int replica) =>
        Options.Replicas > 1 && project != ShopProject.Gateway ? AdditionalReplica(project, replica) : Instance(project, replica, project.Name);

    private ServiceInstance Instance(ShopProject project, int replica, string name) => new(
        project,
        name,
        Options.Ports.Service(project, replica),
        Paths,
        Options.RepositoryRoot,
        Options.Configuration,
        () => ServiceWiring.EnvironmentFor(project, this));
}
