using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Yaml;

/// <summary>Reads and writes multi-document YAML text as mapping nodes.</summary>
internal static class YamlText
{
    public static IReadOnlyList<YamlMappingNode> Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static string Save(IEnumerable<YamlMappingNode> documents) =>
        string.Join("---\n", documents.Select(SaveOne));

    private static string SaveOne(YamlMappingNode document)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(document)).Save(writer, assignAnchors: false);

        // YamlDotNet closes every document with an explicit end marker; charts don't use one.
        const string EndMarker = "...\n";
        var text = writer.ToString();
        return text.EndsWith(EndMarker, StringComparison.Ordinal) ? text[..^EndMarker.Length] : text;
    }
}
