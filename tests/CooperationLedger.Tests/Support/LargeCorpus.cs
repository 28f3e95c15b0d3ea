using CooperationLedger.Reading;

namespace CooperationLedger.Tests.Support;

/// <summary>A large ingest made of the five seed documents written many times over, each copy under its own key.</summary>
public static class LargeCorpus
{
    /// <summary>Writes the corpus into <paramref name="folder"/> and returns each document key with its number of facts.</summary>
    public static IReadOnlyDictionary<string, int> Write(string folder, int copies)
    {
        var articles = Path.Combine(folder, "articles");
        Directory.CreateDirectory(articles);
        foreach (var article in Directory.GetFiles(Path.Combine(Seeds.Folder, "articles")))
        {
            File.Copy(article, Path.Combine(articles, Path.GetFileName(article)), overwrite: true);
        }

        File.Copy(Seeds.Registry, Path.Combine(folder, Path.GetFileName(Seeds.Registry)), overwrite: true);

        var expected = new Dictionary<string, int>();
        var facts = Path.Combine(folder, "facts");
        Directory.CreateDirectory(facts);
        foreach (var seed in Seeds.FactFiles)
        {
            var parsed = FactFileReader.Read(seed);
            var text = File.ReadAllText(seed);
            for (var copy = 0; copy < copies; copy++)
            {
                var key = $"{parsed.Document.Key}-copy-{copy:D3}";
                File.WriteAllText(Path.Combine(facts, key + ".yaml"), text.Replace($"  key: {parsed.Document.Key}\n", $"  key: {key}\n", StringComparison.Ordinal));
                expected[key] = parsed.Events.Count;
            }
        }

        return expected;
    }
}
