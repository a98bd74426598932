using System.Text;
using System.Text.Encodings.Web;

namespace Shop.Notifications.Templates;

/// <summary>
/// Builds the plain-text and HTML parts of a mail from the same blocks. Every value is HTML-encoded here, so no
/// template writes markup itself and a product name or a scheduled text cannot inject any.
/// </summary>
internal sealed class MailComposer
{
    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();

    public MailComposer Paragraph(string value)
    {
        text.Append(value).Append("\n\n");
        html.Append("<p>").AppendJoin("<br>\n", value.Split('\n').Select(Encode)).Append("</p>\n");
        return this;
    }

    /// <summary>The one thing the reader needs, set apart and large (a sign-in code).</summary>
    public MailComposer Highlight(string value)
    {
        text.Append("    ").Append(value).Append("\n\n");
        html.Append("<p style=\"font-size:28px;font-weight:bold;letter-spacing:4px\">").Append(Encode(value)).Append("</p>\n");
        return this;
    }

    public MailComposer Field(string label, string value)
    {
        text.Append(label).Append(": ").Append(value).Append('\n');
        html.Append("<p><strong>").Append(Encode(label)).Append(":</strong> ").Append(Encode(value)).Append("</p>\n");
        return this;
    }

    public MailComposer List(IEnumerable<string> items)
    {
        html.Append("<ul>\n");
        foreach (var item in items)
        {
            text.Append("  - ").Append(item).Append('\n');
            html.Append("<li>").Append(Encode(item)).Append("</li>\n");
        }

        text.Append('\n');
        html.Append("</ul>\n");
        return this;
    }

    public MailContent Build(string subject) => new(
        subject,
        text.ToString().TrimEnd() + "\n",
        $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head>\n<body>\n{html}</body></html>\n");

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
