// The whole Shop system for F5 (run mode) and for the Aspire manifest that Aspirate turns into a
// Helm chart (publish mode). Resource names are contract.md section 1: they become the services'
// configuration keys, the chart's object names and the in-cluster host names.
//
// Rules that keep the generated chart correct (docs/operations.md, "What Aspirate does not do"):
// - no endpoint sets `port` different from `targetPort` (Aspirate swaps them in Services);
// - projects get only connection strings and service discovery, never the *_URI / *_PASSWORD
//   variables (Aspirate leaves the first broken and puts the second in plain ConfigMaps);
// - every secret is a parameter, so CI can pass it to Aspirate and ChartCheck can lift it out.
var builder = DistributedApplication.CreateBuilder(args);

const ReferenceEnvironmentInjectionFlags ConnectionStringsAndServiceUrls =
    ReferenceEnvironmentInjectionFlags.ConnectionString | ReferenceEnvironmentInjectionFlags.ServiceDiscovery;

// Secrets are generated once per developer machine and kept in user secrets, never in git.
var signingKey = builder.AddParameter(
    "auth-signing-key", new GenerateParameterDefault { MinLength = 43, Special = false }, secret: true, persist: true);
// Sign-in codes travel sealed under this key: only auth and notifications receive it.
var codeKey = builder.AddParameter(
    "notifications-code-key", new GenerateParameterDefault { MinLength = 43, Special = false }, secret: true, persist: true);
var storageUser = builder.AddParameter(
    "storage-user", new GenerateParameterDefault { MinLength = 16, Special = false }, secret: true, persist: true);
var storagePassword = builder.AddParameter(
    "storage-password", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

// The volumes keep data across F5 runs and make Aspirate emit StatefulSets with claims.
// Their names stay short: Aspirate uses them as claim names (63-character limit).
var postgres = builder.AddPostgres("postgres")
    .WithDataVolume("shop-postgres-data");
var authDb = postgres.AddDatabase("authdb");
var productsDb = postgres.AddDatabase("productsdb");
var ordersDb = postgres.AddDatabase("ordersdb");
var notificationsDb = postgres.AddDatabase("notificationsdb");

var nats = builder.AddNats("nats")
    .WithJetStream()
    .WithDataVolume("shop-nats-data");

// MinIO is a plain container; the S3 connection string is its own resource named `storage`,
// because a container and a connection string cannot share a name.
var minio = builder.AddContainer("minio", "quay.io/minio/minio", "RELEASE.2025-04-22T22-12-26Z")
    .WithArgs("server", "/data")
    .WithEnvironment("MINIO_ROOT_USER", storageUser)
    .WithEnvironment("MINIO_ROOT_PASSWORD", storagePassword)
    .WithHttpEndpoint(targetPort: 9000, name: "api")
    .WithHttpHealthCheck("/minio/health/live", endpointName: "api")
    .WithVolume("shop-minio-data", "/data");
var storage = builder.AddConnectionString(
    "storage",
    ReferenceExpression.Create($"Endpoint={minio.GetEndpoint("api")};AccessKey={storageUser};SecretKey={storagePassword}"));

// MailPit catches every mail; its web UI shows them. The connection string is `mail`.
var mailpit = builder.AddContainer("mailpit", "axllent/mailpit", "v1.24")
    .WithEndpoint(targetPort: 1025, name: "smtp")
    .WithHttpEndpoint(targetPort: 8025, name: "ui")
    .WithHttpHealthCheck("/", endpointName: "ui");
var mail = builder.AddConnectionString(
    "mail",
    ReferenceExpression.Create($"Endpoint=smtp://{mailpit.GetEndpoint("smtp").Property(EndpointProperty.HostAndPort)}"));

// A connection-string resource is Running before its container is healthy: wait for the container.
var auth = builder.AddProject<Projects.Auth>("auth")
    .WithReferenceEnvironment(ConnectionStringsAndServiceUrls)
    .WithReference(authDb).WaitFor(authDb)
    .WithReference(nats).WaitFor(nats)
    .WithReference(storage).WaitFor(minio)
    .WithEnvironment("Auth__SigningKeys__0", signingKey)
    .WithEnvironment("Notifications__CodeKey", codeKey)
    .WithHttpHealthCheck("/health");

// Admin e-mails come from the AppHost's configuration (user secrets: AuthAdmins:0, AuthAdmins:1, ...).
var adminEmails = builder.Configuration.GetSection("AuthAdmins").GetChildren()
    .Select(entry => entry.Value)
    .OfType<string>()
    .ToArray();
for (var index = 0; index < adminEmails.Length; index++)
{
    auth.WithEnvironment($"Auth__Admins__{index}", adminEmails[index]);
}

var products = builder.AddProject<Projects.Products>("products")
    .WithReferenceEnvironment(ConnectionStringsAndServiceUrls)
    .WithReference(productsDb).WaitFor(productsDb)
    .WithReference(nats).WaitFor(nats)
    .WithReference(auth).WaitFor(auth)
    .WithHttpHealthCheck("/health");

var orders = builder.AddProject<Projects.Orders>("orders")
    .WithReferenceEnvironment(ConnectionStringsAndServiceUrls)
    .WithReference(ordersDb).WaitFor(ordersDb)
    .WithReference(nats).WaitFor(nats)
    .WithReference(auth).WaitFor(auth)
    .WithReference(products).WaitFor(products)
    .WithHttpHealthCheck("/health");

var notifications = builder.AddProject<Projects.Notifications>("notifications")
    .WithReferenceEnvironment(ConnectionStringsAndServiceUrls)
    .WithReference(notificationsDb).WaitFor(notificationsDb)
    .WithReference(nats).WaitFor(nats)
    .WithReference(mail).WaitFor(mailpit)
    .WithEnvironment("Notifications__CodeKey", codeKey)
    .WithHttpHealthCheck("/health");

// A short reminder delay makes the cart reminder visible during a demo (AppHost setting CartReminderDelay).
if (builder.Configuration["CartReminderDelay"] is { Length: > 0 } reminderDelay)
{
    notifications.WithEnvironment("Notifications__CartReminderDelay", reminderDelay);
}

builder.AddProject<Projects.Gateway>("gateway")
    .WithReferenceEnvironment(ConnectionStringsAndServiceUrls)
    .WithReference(auth).WaitFor(auth)
    .WithReference(products).WaitFor(products)
    .WithReference(orders).WaitFor(orders)
    .WithReference(notifications).WaitFor(notifications)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
