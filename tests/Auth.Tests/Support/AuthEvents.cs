using System.Collections.Concurrent;
using System.Text.Json;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Shop.ServiceDefaults.Secrets;

namespace Shop.Auth.Tests.Support;

/// <summary>
/// Every `msg.auth.*` event of the test stack, read with a test-only ephemeral JetStream consumer (no acks, from
/// the start of the stream) and kept per address: the codes auth sent and the `user_registered` events.
/// </summary>
public sealed class AuthEvents : ISignInCodeSource, IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonElement>> registrations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonElement> all = new();
    private readonly CancellationTokenSource stop = new();
    private readonly SignInCodeCipher cipher = SignInCodeCipher.Development();
    private readonly NatsConnection connection;
    private Task? reading;

    private AuthEvents(NatsConnection connection) => this.connection = connection;

    /// <summary>Every envelope received so far, in stream order.</summary>
    public IReadOnlyCollection<JsonElement> All => all;

    public static async Task<AuthEvents> StartAsync(string natsUrl)
    {
        var connection = new NatsConnection(new NatsOpts { Url = natsUrl, Name = "auth-tests" });
        await connection.ConnectAsync();
        var events = new AuthEvents(connection);
        var consumer = await new NatsJSContext(connection).CreateOrUpdateConsumerAsync("messages", new ConsumerConfig
        {
            // nats-server 2.9 refuses this client's create request for a wildcard filter below `msg.>`, so auth's
            // events are picked out here.
            FilterSubject = "msg.>",
            AckPolicy = ConsumerConfigAckPolicy.None,
            DeliverPolicy = ConsumerConfigDeliverPolicy.All,
        });
        events.reading = events.ReadAsync(consumer);
        return events;
    }

    public Task<string> NextCodeAsync(string email) => TakeAsync(codes, email, "login_code_requested");

    /// <summary>The next `user_registered` data for <paramref name="email"/> no earlier call returned.</summary>
    public Task<JsonElement> NextRegistrationAsync(string email) => TakeAsync(registrations, email, "user_registered");

    /// <summary>`user_registered` events for <paramref name="email"/> not yet taken.</summary>
    public int PendingRegistrations(string email) => registrations.TryGetValue(email, out var queue) ? queue.Count : 0;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (reading is not null)
        {
            await reading;
        }

        await connection.DisposeAsync();
        stop.Dispose();
    }

    private static async Task<T> TakeAsync<T>(ConcurrentDictionary<string, ConcurrentQueue<T>> byEmail, string email, string what)
    {
        var queue = byEmail.GetOrAdd(email, _ => new ConcurrentQueue<T>());
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            if (queue.TryDequeue(out var item))
            {
                return item;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {what} event for {email} within {Timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }
    }

    private async Task ReadAsync(INatsJSConsumer consumer)
    {
        try
        {
            await foreach (var message in consumer.ConsumeAsync<byte[]>(cancellationToken: stop.Token))
            {
                if (!message.Subject.StartsWith("msg.auth.", StringComparison.Ordinal))
                {
                    continue;
                }

                var envelope = JsonDocument.Parse(message.Data!).RootElement.Clone();
                all.Enqueue(envelope);
                var data = envelope.GetProperty("data");
                var email = data.GetProperty("email").GetString()!;
                switch (envelope.GetProperty("type").GetString())
                {
                    case "shop.auth.login_code_requested":
                        // Sealed for notifications; the tests run on the machine whose development key the stack uses.
                        codes.GetOrAdd(email, _ => new ConcurrentQueue<string>()).Enqueue(cipher.Decrypt(data.GetProperty("encryptedCode").GetString()!, email)!);
                        break;
                    case "shop.auth.user_registered":
                        registrations.GetOrAdd(email, _ => new ConcurrentQueue<JsonElement>()).Enqueue(data);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
