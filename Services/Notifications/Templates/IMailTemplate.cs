using System.Text.Json;

namespace Shop.Notifications.Templates;

/// <summary>One kind of mail, rendered from JSON data (how `schedule_requested` names and fills a template).</summary>
public interface IMailTemplate
{
    string Name { get; }

    MailContent Render(JsonElement data);
}

/// <summary>A template whose data has a shape: events render it typed, schedules through JSON.</summary>
internal abstract class MailTemplate<TData> : IMailTemplate
{
    public abstract string Name { get; }

    /// <summary>Checks <paramref name="data"/> (throwing <see cref="InvalidMailDataException"/>) and renders it.</summary>
    public abstract MailContent Render(TData data);

    public MailContent Render(JsonElement data) => Render(MailData.Parse<TData>(data, Name));
}
