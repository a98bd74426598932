namespace Shop.Notifications.Templates;

/// <summary>A rendered mail: the subject and the same content as plain text and as HTML.</summary>
public sealed record MailContent(string Subject, string Text, string Html);
