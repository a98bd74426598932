using System.Text;
using Shop.Access;

namespace Shop.SystemTests.Hostile;

/// <summary>
/// Sends the cases through the gateway and judges each answer, and the state around it: cases that must be refused
/// go in small parallel groups with a snapshot before and after (a refused request changes nothing); any other case
/// goes alone, and a success may change only its caller's own data (and the catalogue's stock).
/// </summary>
public sealed partial class HostileRunner(HostileWorld world)
{
    private const int GroupSize = 24;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<HostileCase> cases)
    {
        var failures = new List<string>();
        var before = await StateSnapshot.SettledAsync(world);
        foreach (var group in Groups(cases))
        {
            var answers = new (HostileCase Case, RawResponse? Answer, string? Error)[group.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, group.Count),
                new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (index, _) => answers[index] = await SendAsync(group[index]));
            foreach (var (hostile, answer, error) in answers)
            {
                failures.AddRange(Judge(hostile, answer, error).Select(problem => $"{problem}\n{hostile.Describe()}"));
            }

            var succeeded = answers.Where(sent => sent.Answer is { Status: >= 200 and < 300 }).Select(sent => sent.Case).ToList();
            var after = succeeded.Any(hostile => hostile.Target.StartsWith("/order", StringComparison.Ordinal))
                ? await StateSnapshot.SettledAsync(world)
                : await StateSnapshot.TakeAsync(world);
            failures.AddRange(after.Differences(before, part => MayChange(part, succeeded))
                .Select(change => $"{change}\nafter cases #{group[0].Index}-#{group[^1].Index} ({string.Join(", ", group.Select(hostile => hostile.What).Distinct().Take(5))})"));
            before = after;
        }

        return failures;
    }

    private static IEnumerable<IReadOnlyList<HostileCase>> Groups(IReadOnlyList<HostileCase> cases) =>
        cases.Where(hostile => hostile.MustRefuse).Chunk(GroupSize).Concat(cases.Where(hostile => !hostile.MustRefuse).Select(hostile => new[] { hostile }));

    private async Task<(HostileCase, RawResponse?, string?)> SendAsync(HostileCase hostile)
    {
        try
        {
            return (hostile, await RawHttp.SendAsync(world.Stack.GatewayUrl, hostile.ToBytes(world.Stack.GatewayUrl, world.HeadersOf(hostile.Caller)), RequestTimeout), null);
        }
        catch (Exception error) when (error is IOException or InvalidDataException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            return (hostile, null, $"{error.GetType().Name}: {error.Message}");
        }
    }

    private IEnumerable<string> Judge(HostileCase hostile, RawResponse? answer, string? error)
    {
        if (answer is null)
        {
            // Kestrel may drop a connection it refuses at the protocol level; an application must always answer.
            if (!hostile.ProtocolLevel)
            {
                yield return $"no answer: {error}";
            }

            yield break;
        }

        var status = answer.Status;
        var success = status is >= 200 and < 300;
        var what = $"{status} {Shorten(answer.BodyText)}";
        if (status >= 500)
        {
            yield return $"server error {what}";
        }

        if (status >= 400 && ExceptionDetail().IsMatch(answer.BodyText))
        {
            yield return $"error body with exception details: {what}";
        }

        if (hostile.ExpectedStatus is { } expected && status != expected)
        {
            yield return $"expected {expected}, got {what}";
        }

        if (hostile.MustRefuse && success)
        {
            yield return $"accepted invalid input: {what}";
        }

        var identity = CallerIdentity.Of(hostile.Caller);
        if (success && AccessTable.Match(hostile.Method, hostile.Target) is { } rule
            && (rule.Access == AccessLevel.User && identity is null || rule.Access == AccessLevel.Admin && identity != CallerIdentity.Admin))
        {
            yield return $"unauthorized success on a {rule.Access} route: {what}";
        }

        if (status >= 400 && !hostile.ProtocolLevel && answer.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) != true)
        {
            yield return $"error without ProblemDetails (Content-Type {answer.ContentType ?? "none"}): {what}";
        }

        if (identity != CallerIdentity.Admin)
        {
            var request = Encoding.UTF8.GetString(hostile.ToBytes(world.Stack.GatewayUrl, world.HeadersOf(hostile.Caller)));
            foreach (var mark in world.VictimMarks.Where(mark => !request.Contains(mark, StringComparison.OrdinalIgnoreCase)))
            {
                if (answer.BodyText.Contains(mark, StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"the victim's {mark} in the answer: {what}";
                }
            }
        }
    }

    /// <summary>Whether a successful case explains a change to <paramref name="part"/> of the state.</summary>
    private static bool MayChange(string part, IReadOnlyList<HostileCase> succeeded) =>
        succeeded.Select(hostile => CallerIdentity.Of(hostile.Caller)).OfType<string>()
            .Any(identity => part.StartsWith($"{identity}:", StringComparison.Ordinal) || part == "catalogue");

    /// <summary>A stack frame, an exception type or a request header echoed back: what the developer exception page would write.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\bat [\w.]+\(|\w+Exception\b|""?(?:Authorization|Cookie)""?\s*[:=]")]
    private static partial System.Text.RegularExpressions.Regex ExceptionDetail();

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
