using System.Collections.Concurrent;
using System.Text.Json;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Shop.ServiceDefaults.Secrets;

namespace Shop.Gateway.Tests.Infrastructure;

/// <summary>
/// The sign-in codes auth sends, read from its `login_code_requested` events on the stack's NATS (a test-only
/// consumer that acknowledges nothing), so tests can sign in through the gateway like a user reading the e-mail.
/// </summary>
public sealed class SignInCodes : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource stop = new();
    private readonly SignInCodeCipher cipher = SignInCodeCipher.Development();
    private readonly NatsConnection connection;
    private Task reading = Task.CompletedTask;

    private SignInCodes(NatsConnection connection) => this.connection = connection;

    public static async Task<SignInCodes> StartAsync(string natsUrl)
    {
        var connection = new NatsConnection(new NatsOpts { Url = natsUrl, Name = "gateway-tests" });
        await connection.ConnectAsync();
        var consumer = await new NatsJSContext(connection).CreateOrUpdateConsumerAsync("messages", new ConsumerConfig
        {
            // nats-server 2.9 refuses this client's create request for a narrower filter than `msg.>`, so the
            // sign-in codes are picked out here.
            FilterSubject = "msg.>",
            AckPolicy = ConsumerConfigAckPolicy.None,
            DeliverPolicy = ConsumerConfigDeliverPolicy.All,
        });
        var reader = new SignInCodes(connection);
        reader.reading = reader.ReadAsync(consumer);
        return reader;
    }

    public async Task<string> NextAsync(string email)
    {
        var queue = codes.GetOrAdd(email, _ => new ConcurrentQueue<string>());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? code;
        while (!queue.TryDequeue(out code))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"auth sent no sign-in code for {email}.");
            }

            await Task.Delay(50);
        }

        return code;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading;
        await connection.DisposeAsync();
        stop.Dispose();
    }

    private async Task ReadAsync(INatsJSConsumer consumer)
    {
        try
        {
            await foreach (var message in consumer.ConsumeAsync<byte[]>(cancellationToken: stop.Token))
            {
                if (message.Subject != "msg.auth.login_code_requested")
                {
                    continue;
                }

                // The code is sealed for notifications; the local stack uses this machine's development key.
                var data = JsonDocument.Parse(message.Data!).RootElement.GetProperty("data");
                var email = data.GetProperty("email").GetString()!;
                codes.GetOrAdd(email, _ => new ConcurrentQueue<string>()).Enqueue(cipher.Decrypt(data.GetProperty("encryptedCode").GetString()!, email)!);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
