using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Primitives;

namespace Shop.Nats;

/// <summary>
/// Message headers: case-insensitive names, each with one or more values, plus the status line
/// (<see cref="Code"/>, <see cref="Message"/>) the server uses for 503 no-responders and JetStream pull statuses.
/// A missing name reads as <see cref="StringValues.Empty"/>, like ASP.NET Core's header dictionary.
/// </summary>
public sealed class NatsHeaders : IDictionary<string, StringValues>
{
    private readonly Dictionary<string, StringValues> values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The status code from the first line (<c>NATS/1.0 503</c>), 0 when there is none.</summary>
    public int Code { get; init; }

    /// <summary>The status description (<c>No Messages</c>, <c>Request Timeout</c>…), if any.</summary>
    public string? Message { get; init; }

    public int Count => values.Count;

    public bool IsReadOnly => false;

    public ICollection<string> Keys => values.Keys;

    public ICollection<StringValues> Values => values.Values;

    public StringValues this[string key]
    {
        get => values.TryGetValue(key, out var value) ? value : StringValues.Empty;
        set => values[key] = value;
    }

    public void Add(string key, StringValues value) => values.Add(key, value);

    public void Add(KeyValuePair<string, StringValues> item) => values.Add(item.Key, item.Value);

    /// <summary>Adds one more value under a name (repeated header lines).</summary>
    public void Append(string key, string value) =>
        values[key] = values.TryGetValue(key, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);

    public bool ContainsKey(string key) => values.ContainsKey(key);

    public bool Contains(KeyValuePair<string, StringValues> item) =>
        values.TryGetValue(item.Key, out var value) && value == item.Value;

    public bool Remove(string key) => values.Remove(key);

    public bool Remove(KeyValuePair<string, StringValues> item) => Contains(item) && values.Remove(item.Key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out StringValues value) => values.TryGetValue(key, out value);

    public void Clear() => values.Clear();

    public void CopyTo(KeyValuePair<string, StringValues>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, StringValues>>)values).CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
