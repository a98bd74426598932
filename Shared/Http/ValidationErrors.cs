using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Shop.Http;

/// <summary>Collects field -> messages while an endpoint checks its input, then answers 400 with the `errors` map.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>A UUID from a route or header value; an error for <paramref name="field"/> (and Guid.Empty) otherwise.</summary>
    public Guid Uuid(string value, string field)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        Add(field, $"{field} is a UUID.");
        return Guid.Empty;
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()), title: "The request is not valid.");
}
