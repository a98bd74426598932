namespace Shop.Notifications.Templates;

/// <summary>Free text for a scheduled notice: `{subject, body}`.</summary>
internal sealed class MessageTemplate : MailTemplate<MessageTemplate.Message>
{
    public override string Name => "message";

    public override MailContent Render(Message data) => new MailComposer()
        .Paragraph(MailData.Text(data.Body, "body", 10_000, singleLine: false))
        .Build(MailData.Text(data.Subject, "subject", 200));

    public sealed record Message(string Subject, string Body);
}
