namespace Shop.Products.Model;

/// <summary>
/// Text PostgreSQL can store and a reader can display: no NUL or other control characters (line breaks and tabs
/// only where allowed) and no unpaired UTF-16 surrogates, which would fail the UTF-8 encoding as a 500.
/// </summary>
public static class TextRules
{
    public static bool IsPlainText(string text, bool allowLineBreaks)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (char.IsHighSurrogate(character))
            {
                if (index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]))
                {
                    return false;
                }

                index++;
            }
            else if (char.IsLowSurrogate(character)
                || (char.IsControl(character) && !(allowLineBreaks && character is '\n' or '\r' or '\t')))
            {
                return false;
            }
        }

        return true;
    }
}
